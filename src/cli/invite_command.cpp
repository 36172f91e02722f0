#include "invite_command.hpp"

#include <algorithm>

#include "advise_document.hpp"
#include "input.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/ingest.hpp"

namespace maillage::cli {

using core::Msg;
using namespace advice;

void InviteCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("--territory", text(Msg::OptAdviseTerritory), &m_territory);
    args.require("--territory");
    args.option("--top", text(Msg::OptTop), &m_top);
    args.option("--format", text(Msg::OptFormat), &m_format, {"table", "csv", "json"});
    args.flag("--excel", text(Msg::OptExcel), &m_excel);
    args.option("--scope", text(Msg::OptInviteScope), &m_scope, {"organisations", "people"});
    args.flag("--people", text(Msg::OptPeople), &m_people);
    args.option("--weights", text(Msg::OptWeights), &m_weights);
    args.option("--seed", text(Msg::OptSeed), &m_seed);
    args.option("--reshuffles", core::tr(lang, Msg::OptReportReshuffles, metrics::default_reshuffles), &m_reshuffles);
    args.option_list("--registry", text(Msg::OptRegistryFiles), &m_registries);
    m_sheet_options.declare(args, lang);
    args.option("-o,--output", text(Msg::OptOutput), &m_output);
}

void InviteCommand::setup(const Context& context) {
    const core::Lang lang = context.lang;
    m_sheet_options.resolve(lang, m_load.mapping, m_load.read);
    if (m_excel && m_format != "csv") throw FatalError(std::string(core::message(Msg::UsageExcelCsv, lang)));
    const auto top = parse_whole(m_top, 100000);
    if (!top) throw FatalError(core::tr(lang, Msg::UsageBadTop, m_top));
    m_options.top = static_cast<std::size_t>(*top);
    const auto seed = parse_whole(m_seed, UINT64_MAX);
    if (!seed) throw FatalError(core::tr(lang, Msg::UsageBadSeed, m_seed));
    m_options.seed = *seed;
    const auto reshuffles = parse_whole(m_reshuffles, 100000);
    if (!reshuffles || *reshuffles < 1) throw FatalError(core::tr(lang, Msg::UsageBadReshuffles, m_reshuffles));
    m_options.reshuffles = static_cast<std::int32_t>(*reshuffles);
    if (!m_weights.empty()) {
        std::string bad;
        const auto w = advise::parse_weights(m_weights, &bad);
        if (!w) throw FatalError(core::tr(lang, Msg::UsageBadWeights, bad));
        m_options.weights = *w;
    }
}

namespace {

std::string weights_text(const advise::InviteWeights& w) {
    std::string out;
    for (std::size_t k = 0; k < advise::component_count; ++k)
        out += (out.empty() ? "" : ",") + std::string(advise::key(static_cast<advise::Component>(k))) + "=" +
               core::format_decimal(w.weight[k], 2, core::Lang::En);
    return out;
}

/// The weights as the table shows them: each component by the name the report gives it, its
/// weight with the language's decimal comma ("Type jamais venu ici 3 ; Venue puis partie 3 ; …").
std::string weights_shown(const advise::InviteWeights& w, core::Lang lang) {
    static constexpr Msg names[] = {Msg::ReportCompType, Msg::ReportCompLapsed, Msg::ReportCompGap, Msg::ReportCompBridge,
                                    Msg::ReportCompCentral};
    static_assert(std::size(names) == advise::component_count);
    std::string out;
    for (std::size_t k = 0; k < advise::component_count; ++k) {
        std::string value = core::format_decimal(w.weight[k], 2, lang);
        // 3,00 → 3 ; 1,50 → 1,5
        while (!value.empty() && value.back() == '0') value.pop_back();
        if (!value.empty() && (value.back() == ',' || value.back() == '.')) value.pop_back();
        out += (out.empty() ? "" : lang == core::Lang::Fr ? " ; " : "; ") + std::string(core::message(names[k], lang)) + " " + value;
    }
    return out;
}

} // namespace

int InviteCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const LoadedInput in = load_input(m_inputs, m_load, lang, m_registries, app::measuring(m_people));
    const auto& project = in.project;
    const auto territory = find_territory(project, m_territory, lang);
    const auto taxonomy = ingest::load_taxonomy("", lang);
    auto label = [&](const std::string& type) { return Cell{type, advise::type_label(taxonomy, type, lang)}; };
    Doc d;
    d.territory = project.territories[static_cast<std::size_t>(territory)].name;
    if (m_scope == "people") {
        const auto people = advise::invite_people(project, territory, taxonomy, m_options.top);
        const auto names = person_labels(project, m_people);
        d.figures.emplace_back("candidates", Msg::MetCandidates, count(static_cast<std::int64_t>(people.size())));
        Section s{"people", Msg::SectionInvitePeople, {}, {}, {}, 0};
        s.cols = {{"rank", Msg::HeadRank, core::Align::Right},
                  {"person", Msg::HeadNode},
                  {"organisation", Msg::HeadOrganisation},
                  {"type", Msg::HeadType},
                  {"editions", Msg::HeadEditionsCount, core::Align::Right},
                  {"last_year", Msg::HeadLastYear, core::Align::Right},
                  {"share_here", Msg::HeadShareHere, core::Align::Right},
                  {"share_elsewhere", Msg::HeadShareElsewhere, core::Align::Right},
                  {"reason", Msg::HeadReason, core::Align::Left, core::Fit::Below}};
        std::int64_t rank = 0;
        for (const auto& p : people)
            s.rows.push_back({count(++rank), text(names[static_cast<std::size_t>(p.person)]),
                              text(project.organisations[static_cast<std::size_t>(p.organisation)].name), label(p.type),
                              count(p.editions), Cell{std::int64_t{p.last_year}, std::to_string(p.last_year)},
                              Cell{p.share_here, ""}, Cell{p.share_elsewhere, ""}, text(advise::reason(p, taxonomy, lang))});
        d.sections.push_back(std::move(s));
    } else {
        const auto geography = load_geography(project, lang);
        auto draws = app::StoreDraws::of_inputs(m_inputs); // the reshuffles, kept in the store
        auto options = m_options;
        options.draws = &draws;
        const auto r = advise::invite(project, territory, taxonomy, geography, options);
        d.figures.emplace_back("candidates", Msg::MetCandidates, count(static_cast<std::int64_t>(r.candidates)));
        d.figures.emplace_back("weights", Msg::MetWeights, Cell{weights_text(m_options.weights), weights_shown(m_options.weights, lang)});
        d.figures.emplace_back("reshuffles", Msg::MetReshuffles, count(m_options.reshuffles));
        d.figures.emplace_back("seed", Msg::MetSeed, text(std::to_string(m_options.seed)));
        Section s{"organisations", Msg::SectionInvite, {}, {}, {}, 0};
        s.cols = {{"rank", Msg::HeadRank, core::Align::Right}, {"organisation", Msg::HeadOrganisation}, {"type", Msg::HeadType},
                  {"commune", Msg::HeadCommune},           {"epci_name", Msg::HeadEpci},
                  {"score", Msg::HeadScore, core::Align::Right}};
        const bool table = m_format == "table";
        if (!table)
            for (std::size_t k = 0; k < advise::component_count; ++k)
                s.cols.push_back({"score_" + std::string(advise::key(static_cast<advise::Component>(k))), Msg::HeadScore, core::Align::Right});
        s.cols.push_back({"reason", Msg::HeadReason, core::Align::Left, core::Fit::Below});
        std::int64_t rank = 0;
        for (const auto& inv : r.organisations) {
            std::vector<Cell> row{count(++rank), text(inv.name), label(inv.type), Cell{inv.commune, inv.commune_name},
                                  text(inv.epci_name), Cell{inv.score, core::format_decimal(inv.score, 2, lang)}};
            if (!table)
                for (double c : inv.components) row.push_back(Cell{c, ""});
            row.push_back(text(advise::reason(inv, m_options.weights, taxonomy, lang)));
            s.rows.push_back(std::move(row));
        }
        d.sections.push_back(std::move(s));
        Section holes{"type_holes", Msg::SectionTypeHoles, {}, {}, {}, 0};
        holes.cols = {{"group", Msg::HeadGroup}, {"with", Msg::HeadWith}, {"observed", Msg::HeadObserved, core::Align::Right},
                      {"expected", Msg::HeadExpected, core::Align::Right}, {"p_fewer", Msg::HeadPFewer, core::Align::Right}};
        for (const auto& h : r.holes)
            holes.rows.push_back({label(h.a), label(h.b), count(h.observed), Cell{h.expected, ""}, Cell{h.p_fewer, ""}});
        d.sections.push_back(std::move(holes));
    }
    const std::string product = render({d}, m_format, m_excel, lang);
    write_product(context, m_output, product);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
