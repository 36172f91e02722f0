#include "document.hpp"

#include <algorithm>
#include <cmath>

#include "maillage/core/text.hpp"

namespace maillage::cli::document {

using core::Msg;

std::string table_text(const Cell& cell, core::Lang lang, int digits) {
    if (!cell.shown.empty()) return cell.shown;
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "—";
            else if constexpr (std::is_same_v<T, std::int64_t>) return core::format_count(v, lang);
            else if constexpr (std::is_same_v<T, double>) return core::format_decimal(v, digits, lang);
            else if constexpr (std::is_same_v<T, bool>) return std::string(core::message(v ? Msg::WordYes : Msg::WordNo, lang));
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else {
                std::string out;
                for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
                return out;
            }
        },
        cell.value);
}

std::string data_text(const Value& value, bool excel) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "";
            else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>) {
                std::string s = core::format_decimal(v, 6, core::Lang::En);
                if (excel) std::replace(s.begin(), s.end(), '.', ',');
                return s;
            } else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else {
                std::string out;
                for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
                return out;
            }
        },
        value);
}

nlohmann::ordered_json json_of(const Value& value) {
    return std::visit(
        [](const auto& v) -> nlohmann::ordered_json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else if constexpr (std::is_same_v<T, double>) {
                const double r = std::round(v * 1e6) / 1e6;
                return r == 0 ? 0.0 : r;
            } else return v;
        },
        value);
}

namespace {

void append_key(std::string& out, const std::string& key) {
    // A plain key (printable ASCII, no quote nor backslash) is its own JSON text between quotes;
    // any other is escaped by nlohmann (keys are written once per row: this is the hot path).
    if (std::all_of(key.begin(), key.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; })) {
        out += '"';
        out += key;
        out += '"';
        return;
    }
    out += nlohmann::ordered_json(key).dump();
}

/// dump(2) of a value nested at `depth` (its lines after the first indented by 2·depth).
void append_indented(std::string& out, const nlohmann::ordered_json& value, int depth) {
    const std::string text = value.dump(2);
    const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
    for (char c : text) {
        out += c;
        if (c == '\n') out += pad;
    }
}

} // namespace

struct JsonStream::Scalars {
    explicit Scalars(std::string& out) : serializer(nlohmann::detail::output_adapter<char>(out), ' ') {}
    nlohmann::detail::serializer<nlohmann::ordered_json> serializer;
};

JsonStream::JsonStream(std::string& out) : m_out(out), m_scalars(std::make_unique<Scalars>(out)) { m_out += '{'; }

JsonStream::~JsonStream() = default;

void JsonStream::open_member(const std::string& key, int depth, bool& first) {
    m_out += first ? "\n" : ",\n";
    first = false;
    m_out.append(static_cast<std::size_t>(2 * depth), ' ');
    append_key(m_out, key);
    m_out += ": ";
}

void JsonStream::member(const std::string& key, const nlohmann::ordered_json& value) {
    open_member(key, 1, m_first_member);
    append_indented(m_out, value, 1);
}

void JsonStream::begin_rows(const std::string& key) {
    open_member(key, 1, m_first_member);
    m_out += '[';
    m_first_row = true;
}

void JsonStream::begin_row() {
    m_out += m_first_row ? "\n" : ",\n";
    m_first_row = false;
    m_out.append(4, ' ');
    m_out += '{';
    m_first_field = true;
}

void JsonStream::field(const std::string& key, const nlohmann::ordered_json& scalar) {
    open_member(key, 3, m_first_field);
    // dump() without its intermediate string: nlohmann's serializer writing into m_out
    m_scalars->serializer.dump(scalar, false, false, 0);
}

void JsonStream::field_value(const std::string& key, const nlohmann::ordered_json& value) {
    open_member(key, 3, m_first_field);
    append_indented(m_out, value, 3);
}

void JsonStream::end_row() {
    if (m_first_field) { // dump(2) writes an empty object as {}
        m_out += '}';
        return;
    }
    m_out += "\n";
    m_out.append(4, ' ');
    m_out += '}';
}

void JsonStream::end_rows() {
    if (m_first_row) { // and an empty array as []
        m_out += ']';
        return;
    }
    m_out += "\n";
    m_out.append(2, ' ');
    m_out += ']';
}

void JsonStream::finish() {
    m_out += m_first_member ? "}" : "\n}";
    m_out += "\n";
}

std::string section_table(const Section& s, core::Lang lang, int digits) {
    if (s.rows.empty() && s.sentences.empty() && s.notes.empty()) return {};
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    std::string out = "\n" + text(s.title) + "\n";
    for (const auto& sentence : s.sentences) out += core::wrap_text(sentence, core::text_width, 2, 4);
    if (!s.rows.empty()) {
        std::vector<core::TextColumn> columns;
        for (const auto& c : s.cols) columns.push_back({text(c.label), c.align, c.fit});
        core::TextTable t(std::move(columns));
        const std::size_t shown = s.table_rows == 0 ? s.rows.size() : std::min(s.table_rows, s.rows.size());
        for (std::size_t r = 0; r < shown; ++r) {
            std::vector<std::string> cells;
            for (const auto& c : s.rows[r]) cells.push_back(table_text(c, lang, digits));
            t.add_row(std::move(cells));
        }
        const auto fitted = t.fit();
        out += fitted.text;
        if (shown < s.rows.size())
            out += "  " +
                   core::tr(lang, Msg::AndOthers, "…", core::format_count(static_cast<std::int64_t>(s.rows.size() - shown), lang)) +
                   "\n";
        if (!fitted.omitted.empty()) {
            std::string names;
            for (const auto& o : fitted.omitted) names += (names.empty() ? "" : ", ") + o;
            out += core::wrap_text(core::tr(lang, Msg::ColumnsLeftOut, names), core::text_width, 2, 4);
        }
    }
    for (const auto& note : s.notes) out += core::wrap_text(note, core::text_width, 2, 4);
    return out;
}

core::Figure figure(const std::string& label, const Cell& cell, core::Lang lang, int digits) {
    // a seed is written as text (64 bits) but reads as a number
    const auto* words = std::get_if<std::string>(&cell.value);
    const bool digits_only = words && !words->empty() && std::all_of(words->begin(), words->end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool numeric = std::holds_alternative<std::int64_t>(cell.value) || std::holds_alternative<double>(cell.value) || digits_only;
    return {label, table_text(cell, lang, digits), numeric};
}

std::string figures_table(const std::vector<core::Figure>& figures, core::Lang lang) {
    return core::figures_text(std::string(core::message(Msg::HeadIndicator, lang)), std::string(core::message(Msg::HeadValue, lang)),
                              figures);
}

} // namespace maillage::cli::document
