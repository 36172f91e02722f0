#include "serve_command.hpp"

#include "maillage/core/error.hpp"
#include "server.hpp"

namespace maillage::serve {

using core::Msg;

namespace {

class ServeCommand final : public cli::Command {
public:
    [[nodiscard]] std::string_view name() const override { return "serve"; }
    [[nodiscard]] core::Msg description() const override { return Msg::CmdServe; }

    void declare(cli::Arguments& args, core::Lang lang) override {
        auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
        args.positionals("folder", text(Msg::ArgServeFolder), &m_folder, false);
        args.option("--port", text(Msg::OptPort), &m_port);
        args.option("--listen", text(Msg::OptListen), &m_listen);
        args.option("--tls-cert", text(Msg::OptTlsCert), &m_tls_cert);
        args.option("--tls-key", text(Msg::OptTlsKey), &m_tls_key);
        args.option("--token-file", text(Msg::OptTokenFile), &m_token_file);
        args.option("--max-upload", text(Msg::OptMaxUpload), &m_max_upload);
        args.flag("--open", text(Msg::OptOpen), &m_options.open_browser);
    }

    void setup(const cli::Context& context) override {
        const auto port = cli::parse_whole(m_port, 65535);
        if (!port) throw FatalError(core::tr(context.lang, Msg::UsageBadPort, m_port));
        m_options.port = static_cast<int>(*port);
        if (m_folder.size() > 1) throw FatalError(core::tr(context.lang, Msg::UsageBadValue, "folder", m_folder[1]));
        const auto mib = cli::parse_whole(m_max_upload, 4096);
        if (!mib || *mib < 1) throw FatalError(core::tr(context.lang, Msg::UsageBadValue, "--max-upload", m_max_upload));
        m_options.max_upload = static_cast<std::size_t>(*mib) << 20;
        m_options.folder = m_folder.empty() ? "." : m_folder.front();
        m_options.listen = m_listen;
        m_options.tls_cert = m_tls_cert;
        m_options.tls_key = m_tls_key;
        m_options.token_file = m_token_file;
        m_options.lang = context.lang;
        if (m_tls_cert.empty() != m_tls_key.empty()) throw FatalError(std::string(core::message(Msg::UsageTlsPair, context.lang)));
    }

    int run(const cli::Context& context) override { return serve(m_options, context.out, context.err); }

private:
    std::vector<std::string> m_folder;
    std::string m_port = "8080";
    std::string m_listen = "127.0.0.1";
    std::string m_tls_cert, m_tls_key, m_token_file;
    std::string m_max_upload = "50";
    ServeOptions m_options;
};

} // namespace

std::unique_ptr<cli::Command> make_serve_command() { return std::make_unique<ServeCommand>(); }

} // namespace maillage::serve
