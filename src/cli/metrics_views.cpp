#include "metrics_views.hpp"

#include "document.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <variant>

#include <fmt/format.h>

#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/metrics/brokerage.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/change.hpp"
#include "maillage/metrics/change_chance.hpp"
#include "maillage/metrics/connectivity.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/metrics/trend.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/render/palette.hpp"
#include "maillage/report/format.hpp"
#include "maillage/report/sentences.hpp"

namespace maillage::cli::views {

using core::Msg;
using json = nlohmann::ordered_json;

namespace {

// ---- A document: figures, sentences, then sections of rows; three renderings ----------------

using document::Cell;
using document::Col;
using document::List;
using document::Section;
using document::Value;
using document::data_text;
using document::json_of;

struct Doc {
    json network;
    std::vector<FramingFigure> framing;
    std::vector<std::tuple<std::string, Msg, Cell>> figures;
    std::vector<Section> sections;
};

Value number(double x) { return std::isnan(x) || std::isinf(x) ? Value{} : Value{x}; }
Value count(std::int64_t x) { return Value{x}; }

std::string fixed(double x, int digits, core::Lang lang) { return core::format_decimal(x, digits, lang); }

// the metrics tables show decimals with 4 places
constexpr int table_digits = 4;


std::string render_table(const Doc& d, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    std::vector<core::Figure> figures;
    for (const auto& f : d.framing) figures.push_back({f.label, f.shown, f.numeric});
    for (const auto& [key, label, cell] : d.figures) figures.push_back(document::figure(text(label), cell, lang, table_digits));
    std::string out = document::figures_table(figures, lang);
    for (const auto& s : d.sections) out += document::section_table(s, lang, table_digits);
    return out;
}

/// CSV: the figures (figure,value), then each section as its own table (first column
/// `section`), tables separated by one empty line.
std::string render_csv(const Doc& d) {
    std::string out = core::csv_record({"figure", "value"});
    for (const auto& f : d.framing) out += core::csv_record({f.key, f.value});
    for (const auto& [key, label, cell] : d.figures) out += core::csv_record({key, data_text(cell.value)});
    for (const auto& s : d.sections) {
        out += "\r\n";
        std::vector<std::string> header{"section"};
        for (const auto& c : s.cols) header.push_back(c.key);
        out += core::csv_record(header);
        for (const auto& row : s.rows) {
            std::vector<std::string> cells{s.key};
            for (const auto& c : row) cells.push_back(data_text(c.value));
            out += core::csv_record(cells);
        }
    }
    return out;
}

std::string render_json(Doc& d) {
    std::string out;
    document::JsonStream doc(out); // the bytes of an ordered_json document's dump(2), streamed
    doc.member("network", d.network);
    json figures = json::object();
    for (const auto& f : d.framing) figures[f.key] = f.value;
    for (const auto& [key, label, cell] : d.figures) figures[key] = json_of(cell.value);
    doc.member("figures", figures);
    for (auto& s : d.sections) {
        // room for the section's text at once: a generous estimate costs nothing (pages never
        // written are never resident) where doubling would hold the old and the new text
        std::size_t per_row = 16;
        for (const auto& c : s.cols) per_row += c.key.size() + 48;
        out.reserve(out.size() + s.rows.size() * per_row);
        doc.begin_rows(s.key);
        for (auto& row : s.rows) {
            doc.begin_row();
            for (std::size_t c = 0; c < s.cols.size(); ++c) doc.field_value(s.cols[c].key, json_of(row[c].value));
            doc.end_row();
            row = {}; // the text grows as the rows shrink
        }
        doc.end_rows();
        s.rows = {}; // written: freed while the next sections are
    }
    doc.finish();
    return out;
}

/// The document in `format`; JSON frees the rows as it writes them (d is spent).
std::string render(Doc& d, const std::string& format, core::Lang lang) {
    return format == "csv" ? render_csv(d) : format == "json" ? render_json(d) : render_table(d, lang);
}

// ---- Names -----------------------------------------------------------------------------------

struct Names {
    const ViewInput& in;
    [[nodiscard]] std::string organisation(model::Id o) const {
        return o == model::no_id ? std::string() : in.project.organisations[static_cast<std::size_t>(o)].name;
    }
    [[nodiscard]] std::string type(model::Id o) const {
        return o == model::no_id ? std::string() : in.project.organisations[static_cast<std::size_t>(o)].type;
    }
    /// The type's label in the output language (the key when the taxonomy lacks it), for tables.
    [[nodiscard]] std::string type_label(model::Id o) const {
        static const auto taxonomy = model::Taxonomy::defaults();
        const std::string key = type(o);
        const auto* t = key.empty() ? nullptr : taxonomy.find(key);
        return t == nullptr ? key : in.lang == core::Lang::Fr ? t->label_fr : t->label_en;
    }
    [[nodiscard]] std::string territory(model::Id t) const {
        return t == model::no_id ? std::string() : in.project.territories[static_cast<std::size_t>(t)].name;
    }
    [[nodiscard]] int year(model::Id e) const { return in.project.editions[static_cast<std::size_t>(e)].year; }
    /// A node of a scope: an organisation's name, or a person's label.
    [[nodiscard]] std::string node(graph::Scope scope, model::Id id) const {
        return scope == graph::Scope::People ? in.person_label[static_cast<std::size_t>(id)] : organisation(id);
    }
    /// « name » (type), the way sentences name a node; a person with their organisation.
    [[nodiscard]] std::string quoted(graph::Scope scope, model::Id id, model::Id org) const {
        std::string s = in.lang == core::Lang::Fr ? "« " + node(scope, id) + " »" : "'" + node(scope, id) + "'";
        if (scope == graph::Scope::People) {
            if (org != model::no_id) s += " (" + organisation(org) + ")";
        } else if (!type(org).empty()) {
            s += " (" + type_label(org) + ")";
        }
        return s;
    }
    [[nodiscard]] std::string unknown() const { return std::string(core::message(Msg::WordUnknown, in.lang)); }
};

/// "a, b, c" — at most `shown` items, then "… and N others".
std::string enumerate(const std::vector<std::string>& items, core::Lang lang, std::size_t shown = 8) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) out += (out.empty() ? "" : ", ") + items[i];
    if (items.size() > shown) out = core::tr(lang, Msg::AndOthers, out, items.size() - shown);
    return out;
}

Doc frame(const ViewInput& in) {
    Doc d;
    d.network = in.network;
    d.framing = in.framing;
    return d;
}

} // namespace

// ---- brokerage -------------------------------------------------------------------------------

namespace {

/// How many organisations hold each pair of type families together (metrics/connectivity.hpp),
/// on the organisation network of the window whatever the scope: the question is which
/// organisations two kinds of organisation depend on. Families (render/palette.hpp), not the
/// ~30 types: 21 pairs instead of hundreds, groups large enough for a small number to mean a
/// weak point rather than a rare type, and the colours coordinators already read on the
/// diagrams and maps. Organisations of unknown type belong to no family but stay in the
/// network (they can carry a contact, and be the cut).
Section family_connectivity(const ViewInput& in, const Names& names, const graph::Network& net) {
    std::optional<graph::Network> built;
    if (in.scope != graph::Scope::Organisations)
        built = graph::build_network(in.project, graph::Scope::Organisations, in.level, in.window);
    const auto& on = built ? *built : net;
    constexpr auto families = std::size(render::type_families) - 1; // without Unknown, the last
    std::vector<std::int32_t> group(on.nodes.size(), -1);
    for (std::size_t v = 0; v < on.nodes.size(); ++v) {
        const auto f = render::family_of(names.type(on.organisation[v]));
        const auto at = static_cast<std::size_t>(std::find(std::begin(render::type_families), std::end(render::type_families), f) -
                                                 std::begin(render::type_families));
        if (at < families) group[v] = static_cast<std::int32_t>(at);
    }
    const auto pairs = metrics::pairwise_group_connectivity(on.graph, group, static_cast<std::int32_t>(families));

    Section out{"family_connectivity", Msg::SectionFamilyConnectivity, {}, {}, {}};
    out.cols = {{"family", Msg::HeadFamily},
                {"family_organisations", Msg::HeadFamilySize, core::Align::Right},
                {"with", Msg::HeadWithFamily},
                {"with_organisations", Msg::HeadWithFamilySize, core::Align::Right},
                {"connectivity", Msg::HeadConnectivity, core::Align::Right},
                {"cut", Msg::HeadHeldBy, core::Align::Left, core::Fit::Below}};
    auto family_cell = [&](std::int32_t k) {
        const auto f = render::type_families[static_cast<std::size_t>(k)];
        return Cell{std::string(render::key(f)), std::string(render::label(f, in.lang))};
    };
    auto family_label = [&](std::int32_t k) { return std::string(render::label(render::type_families[static_cast<std::size_t>(k)], in.lang)); };
    bool weak = false;
    for (const auto& p : pairs) {
        std::vector<std::string> cut, quoted;
        for (auto v : p.result.cut) {
            const auto vi = static_cast<std::size_t>(v);
            cut.push_back(names.organisation(on.nodes[vi]));
            quoted.push_back(names.quoted(graph::Scope::Organisations, on.nodes[vi], on.organisation[vi]));
        }
        if (p.result.connectivity == 0) {
            out.sentences.push_back(core::tr(in.lang, Msg::ConnectivitySentenceNone, family_label(p.first), family_label(p.second)));
        } else if (metrics::hangs_on_few(p)) {
            weak = true;
            const auto who = quoted.size() == 1 ? quoted[0] : quoted[0] + std::string(core::message(Msg::ReportAnd, in.lang)) + quoted[1];
            out.sentences.push_back(core::tr(in.lang, p.result.connectivity == 1 ? Msg::ConnectivitySentenceOne : Msg::ConnectivitySentenceTwo,
                                             family_label(p.first), family_label(p.second), who));
        }
        out.rows.push_back({family_cell(p.first),
                            {count(p.first_size), ""},
                            family_cell(p.second),
                            {count(p.second_size), ""},
                            {count(p.result.connectivity), ""},
                            {List(cut), ""}});
    }
    if (!weak) out.sentences.push_back(std::string(core::message(Msg::ConnectivityAllSolid, in.lang)));
    return out;
}

} // namespace

std::string brokerage(const ViewInput& in, const std::string& format) {
    const Names names{in};
    const auto net = graph::build_network(in.project, in.scope, in.level, in.window);
    const auto& g = net.graph;
    const auto cps = metrics::articulation_points(g);
    const auto brs = metrics::bridges(g);
    const auto holes = metrics::structural_holes(g);
    const auto cp = metrics::core_periphery(g);
    metrics::CentralityOptions co;
    co.seed = in.seed;
    const auto c = metrics::node_centralities(g, co);
    const auto n = static_cast<std::size_t>(g.node_count);
    const bool people = in.scope == graph::Scope::People;

    Doc d = frame(in);
    d.figures.emplace_back("nodes", Msg::MetNodes, Cell{count(g.node_count), ""});
    d.figures.emplace_back("ties", Msg::MetTies, Cell{count(g.edge_count()), ""});
    d.figures.emplace_back("articulation_points", Msg::MetArticulationPoints, Cell{count(static_cast<std::int64_t>(cps.size())), ""});
    d.figures.emplace_back("bridges", Msg::MetBridges, Cell{count(static_cast<std::int64_t>(brs.size())), ""});
    d.figures.emplace_back("main_core", Msg::MetMainCore, Cell{count(cp.k_max), ""});
    d.figures.emplace_back("core_size", Msg::MetCoreSize, Cell{count(cp.core_size), ""});
    d.figures.emplace_back("core_density", Msg::MetCoreDensity, Cell{number(cp.core_density), ""});
    d.figures.emplace_back("core_periphery_density", Msg::MetMixedDensity, Cell{number(cp.mixed_density), ""});
    d.figures.emplace_back("periphery_density", Msg::MetPeripheryDensity, Cell{number(cp.periphery_density), ""});

    auto label = [&](std::int32_t v) { return names.node(in.scope, net.nodes[static_cast<std::size_t>(v)]); };
    auto quoted = [&](std::int32_t v) {
        return names.quoted(in.scope, net.nodes[static_cast<std::size_t>(v)], net.organisation[static_cast<std::size_t>(v)]);
    };
    auto labels_of = [&](const std::vector<std::int32_t>& nodes, bool sentence) {
        std::vector<std::string> out;
        for (auto v : nodes) out.push_back(sentence ? quoted(v) : label(v));
        return out;
    };

    std::vector<std::int64_t> cut_count(n, 0);
    Section spof{"articulation_points", Msg::SectionSpof, {}, {}, {}};
    spof.cols = {{people ? "person" : "organisation", Msg::HeadNode}};
    if (people) spof.cols.push_back({"organisation", Msg::HeadOrganisation});
    spof.cols.push_back({"type", Msg::HeadType});
    spof.cols.push_back({"cut_off_count", Msg::HeadCutOffCount, core::Align::Right});
    spof.cols.push_back({"cut_off", Msg::HeadCutOff});
    for (const auto& p : cps) {
        std::vector<std::int32_t> all;
        for (const auto& piece : p.cut_off) all.insert(all.end(), piece.begin(), piece.end());
        cut_count[static_cast<std::size_t>(p.node)] = static_cast<std::int64_t>(all.size());
        const auto words = labels_of(all, true);
        spof.sentences.push_back(core::tr_plural(in.lang, Msg::SpofSentence, static_cast<std::int64_t>(all.size()), quoted(p.node),
                                          enumerate(words, in.lang)));
        std::vector<Cell> row{{label(p.node), ""}};
        if (people) row.push_back({names.organisation(net.organisation[static_cast<std::size_t>(p.node)]), ""});
        row.push_back({names.type(net.organisation[static_cast<std::size_t>(p.node)]), names.type_label(net.organisation[static_cast<std::size_t>(p.node)])});
        row.push_back({count(static_cast<std::int64_t>(all.size())), ""});
        row.push_back({List(labels_of(all, false)), ""});
        spof.rows.push_back(std::move(row));
    }
    if (cps.empty()) spof.sentences.push_back(std::string(core::message(Msg::SpofNone, in.lang)));
    d.sections.push_back(std::move(spof));

    Section bridge{"bridges", Msg::SectionBridges, {}, {}, {}};
    bridge.cols = {{"source", Msg::HeadTieEnd},
                   {"target", Msg::HeadTieEnd},
                   {"weight", Msg::HeadWeight, core::Align::Right},
                   {"cut_off_count", Msg::HeadCutOffCount, core::Align::Right},
                   {"cut_off", Msg::HeadCutOff}};
    for (const auto& b : brs) {
        if (b.cut_off.size() >= 2) // a pendant node's only tie is a bridge too: the table lists those
            bridge.sentences.push_back(core::tr(in.lang, Msg::BridgeSentence, quoted(b.source), quoted(b.target),
                                                enumerate(labels_of(b.cut_off, true), in.lang)));
        bridge.rows.push_back({{label(b.source), ""},
                               {label(b.target), ""},
                               {count(std::llround(b.weight)), ""},
                               {count(static_cast<std::int64_t>(b.cut_off.size())), ""},
                               {List(labels_of(b.cut_off, false)), ""}});
    }
    d.sections.push_back(std::move(bridge));

    Section nodes{"nodes", Msg::SectionNodesBrokerage, {}, {}, {}};
    nodes.cols = {{people ? "person" : "organisation", Msg::HeadNode}};
    if (people) nodes.cols.push_back({"organisation", Msg::HeadOrganisation});
    nodes.cols.insert(nodes.cols.end(), {{"type", Msg::HeadType},
                                         {"degree", Msg::HeadDegree, core::Align::Right},
                                         {"betweenness", Msg::HeadBetweenness, core::Align::Right},
                                         {"constraint", Msg::HeadConstraint, core::Align::Right},
                                         // the effective size says what the constraint says, the position what the
                                         // k-core says: they give way first in 120 columns
                                         {"effective_size", Msg::HeadEffectiveSize, core::Align::Right, core::Fit::Optional},
                                         {"core", Msg::HeadCoreness, core::Align::Right, core::Fit::Optional},
                                         {"position", Msg::HeadPosition},
                                         {"cut_off_count", Msg::HeadCutOffCount, core::Align::Right}});
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::string> labels(n);
    for (std::size_t v = 0; v < n; ++v) labels[v] = label(static_cast<std::int32_t>(v));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tuple(-c.betweenness[a], -c.degree[a], labels[a]) < std::tuple(-c.betweenness[b], -c.degree[b], labels[b]);
    });
    for (auto v : order) {
        const auto org = net.organisation[v];
        std::vector<Cell> row{{labels[v], ""}};
        if (people) row.push_back({names.organisation(org), ""});
        const bool core_member = cp.in_core[v];
        row.insert(row.end(), {{names.type(org), names.type_label(org)},
                               {count(c.degree[v]), ""},
                               {number(c.betweenness[v]), ""},
                               {number(holes.constraint[v]), ""},
                               {number(holes.effective_size[v]), ""},
                               {count(cp.coreness[v]), ""},
                               {std::string(core_member ? "core" : "periphery"),
                                std::string(core::message(core_member ? Msg::WordCore : Msg::WordPeriphery, in.lang))},
                               {count(cut_count[v]), ""}});
        nodes.rows.push_back(std::move(row));
    }
    d.sections.push_back(std::move(nodes));
    d.sections.push_back(family_connectivity(in, names, net));
    return render(d, format, in.lang);
}

// ---- mixing ----------------------------------------------------------------------------------

namespace {

/// Groups named by label, sorted, the unknown label ("") last.
struct NamedGrouping {
    metrics::Grouping grouping;
    std::vector<std::string> names;
};

NamedGrouping group_by(const std::vector<std::string>& label_of_node, const std::string& unknown) {
    std::vector<std::string> labels(label_of_node);
    std::sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
        return a.empty() != b.empty() ? b.empty() : a < b;
    });
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    NamedGrouping out;
    std::map<std::string, std::int32_t> index;
    for (const auto& l : labels) {
        index[l] = static_cast<std::int32_t>(out.names.size());
        out.names.push_back(l.empty() ? unknown : l);
    }
    out.grouping.group_count = static_cast<std::int32_t>(labels.size());
    for (const auto& l : label_of_node) out.grouping.group.push_back(index[l]);
    return out;
}

/// The group × group ties against chance. CSV and JSON have every pair that could be tied, with
/// the reshuffles' figures and the pair's status; the table keeps only the pairs that depart
/// clearly from chance (metrics::pair_departures: significant, at least one tie apart, |h| ≥ 0.2),
/// widest gap first, and says in one line how many it left out and why. One statistic per test:
/// the reshuffles' p and their 95 % interval, no normal approximation beside them.
void add_mixing_sections(Doc& d, const metrics::GroupMixing& m, const std::vector<std::string>& names, const std::string& key,
                         Msg ties_title, Msg ei_title, core::Lang lang, bool table) {
    const auto G = static_cast<std::size_t>(m.group_count);
    auto range = [lang](const metrics::NullTest& t, int digits) {
        if (std::isnan(t.low)) return std::string("—");
        const std::string a = fixed(t.low, digits, lang), b = fixed(t.high, digits, lang);
        return a == b ? a : a + " – " + b;
    };
    Section ties{key + "_ties", ties_title, {}, {}, {}};
    if (table) {
        ties.cols = {{"group", Msg::HeadGroup},
                     {"with", Msg::HeadWith},
                     {"observed", Msg::MetTies, core::Align::Right},
                     {"possible", Msg::HeadPossible, core::Align::Right},
                     {"expected", Msg::HeadExpected, core::Align::Right},
                     {"chance_range", Msg::HeadChanceRange, core::Align::Right},
                     {"gap", Msg::HeadGap, core::Align::Right},
                     {"p", Msg::HeadP, core::Align::Right}};
    } else {
        ties.cols = {{"group", Msg::HeadGroup},
                     {"with", Msg::HeadWith},
                     {"observed", Msg::HeadObserved, core::Align::Right},
                     {"possible", Msg::HeadPossible, core::Align::Right},
                     {"expected", Msg::HeadExpected, core::Align::Right},
                     {"chance_low", Msg::HeadChanceRange, core::Align::Right},
                     {"chance_high", Msg::HeadChanceRange, core::Align::Right},
                     {"density", Msg::MetDensity, core::Align::Right},
                     {"expected_density", Msg::HeadExpectedDensity, core::Align::Right},
                     {"gap", Msg::HeadGap, core::Align::Right},
                     {"p_fewer", Msg::HeadPFewer, core::Align::Right},
                     {"p_more", Msg::HeadPMore, core::Align::Right},
                     {"status", Msg::HeadGap}};
    }
    auto departures = metrics::pair_departures(m);
    // CSV and JSON: every pair in group order, the status says which ones matter
    if (!table)
        std::sort(departures.begin(), departures.end(),
                  [](const metrics::PairDeparture& a, const metrics::PairDeparture& b) { return std::tie(a.x, a.y) < std::tie(b.x, b.y); });
    std::int64_t fixed_pairs = 0, within = 0;
    for (const auto& p : departures) {
        const auto& t = m.ties[p.x * G + p.y];
        if (table) {
            if (p.status != metrics::PairStatus::Notable) {
                (p.status == metrics::PairStatus::Fixed ? fixed_pairs : within) += 1;
                continue;
            }
            ties.rows.push_back({{names[p.x], ""},
                                 {names[p.y], ""},
                                 {count(std::llround(p.observed)), ""},
                                 {count(std::llround(p.possible)), ""},
                                 {number(p.expected), fixed(p.expected, 1, lang)},
                                 {number(t.low), range(t, 0)},
                                 {number(p.gap), fixed(p.gap, 2, lang)},
                                 {number(p.p), fixed(p.p, 3, lang)}});
            continue;
        }
        const char* status = p.status == metrics::PairStatus::Notable ? (p.fewer ? "fewer" : "more")
                             : p.status == metrics::PairStatus::Fixed ? "fixed"
                                                                      : "within_chance";
        ties.rows.push_back({{names[p.x], ""},
                             {names[p.y], ""},
                             {count(std::llround(p.observed)), ""},
                             {count(std::llround(p.possible)), ""},
                             {number(p.expected), ""},
                             {number(t.low), ""},
                             {number(t.high), ""},
                             {number(p.observed / p.possible), ""},
                             {number(p.expected / p.possible), ""},
                             {number(p.gap), ""},
                             {number(t.p_fewer), ""},
                             {number(t.p_more), ""},
                             {std::string(status), ""}});
    }
    const auto holes = metrics::group_holes(m);
    auto q = [lang](const std::string& s) { return lang == core::Lang::Fr ? "« " + s + " »" : "'" + s + "'"; };
    for (const auto& h : holes) {
        const auto& t = m.ties[h.x * G + h.y];
        ties.sentences.push_back(core::tr(lang, Msg::HoleSentence, q(names[h.x]), q(names[h.y]),
                                          core::format_count(std::llround(t.observed), lang),
                                          core::format_count(std::llround(m.possible[h.x * G + h.y]), lang), fixed(t.expected, 1, lang),
                                          range(t, 0), fixed(t.p_fewer, 3, lang)));
    }
    if (holes.empty()) ties.sentences.push_back(std::string(core::message(Msg::HoleNone, lang)));
    if (table) {
        ties.sentences.push_back(std::string(core::message(Msg::MixingRule, lang)));
        if (ties.rows.empty()) ties.notes.push_back(std::string(core::message(Msg::MixingNoPairTable, lang)));
        if (fixed_pairs + within > 0)
            ties.notes.push_back(core::tr(lang, Msg::MixingPairsLeftOut, core::format_count(fixed_pairs + within, lang),
                                          core::format_count(fixed_pairs, lang), core::format_count(within, lang)));
    }
    d.sections.push_back(std::move(ties));

    Section ei{key + "_ei", ei_title, {}, {}, {}};
    ei.cols = {{"group", Msg::HeadGroup},
               {"size", Msg::HeadSize, core::Align::Right},
               {"observed", Msg::HeadObserved, core::Align::Right},
               {"expected", Msg::HeadExpected, core::Align::Right}};
    if (table) {
        ei.cols.push_back({"chance_range", Msg::HeadChanceRange, core::Align::Right});
        ei.cols.push_back({"p", Msg::HeadP, core::Align::Right});
    } else {
        ei.cols.insert(ei.cols.end(), {{"chance_low", Msg::HeadChanceRange, core::Align::Right},
                                       {"chance_high", Msg::HeadChanceRange, core::Align::Right},
                                       {"p_fewer", Msg::HeadPFewer, core::Align::Right},
                                       {"p_more", Msg::HeadPMore, core::Align::Right}});
    }
    std::int64_t fixed_groups = 0;
    // the table: one p, in the direction of the gap, and no group the reshuffles cannot move
    auto add = [&](Cell group, std::int64_t size, const metrics::NullTest& t) {
        const bool moves = t.sd > 0 || std::abs(t.observed - t.expected) > 1e-9;
        if (table && !moves && !std::isnan(t.observed)) {
            ++fixed_groups;
            return;
        }
        std::vector<Cell> row{std::move(group), {count(size), ""}, {number(t.observed), ""}, {number(t.expected), ""}};
        if (table) {
            row.push_back({number(t.low), range(t, 4)});
            const double p = t.observed < t.expected ? t.p_fewer : t.p_more;
            row.push_back({number(p), std::isnan(p) ? std::string("—") : fixed(p, 3, lang)});
        } else {
            row.insert(row.end(), {{number(t.low), ""}, {number(t.high), ""}, {number(t.p_fewer), ""}, {number(t.p_more), ""}});
        }
        ei.rows.push_back(std::move(row));
    };
    std::int64_t total = 0;
    for (std::size_t x = 0; x < G; ++x) {
        add({names[x], ""}, m.group_size[x], m.ei[x]);
        total += m.group_size[x];
    }
    add({std::string("*"), std::string(core::message(Msg::WordAll, lang))}, total, m.ei_overall);
    if (fixed_groups > 0) ei.notes.push_back(core::tr(lang, Msg::EiGroupsLeftOut, core::format_count(fixed_groups, lang)));
    d.sections.push_back(std::move(ei));
}

} // namespace

std::string mixing(const ViewInput& in, const std::string& format) {
    const Names names{in};
    const auto input = metrics::mixing_input(in.project, in.scope, in.level, in.window);
    std::vector<std::string> type_of(input.nodes.size()), territory_of(input.nodes.size());
    for (std::size_t v = 0; v < input.nodes.size(); ++v) {
        // tables name types by their label, CSV and JSON by their stable key
        type_of[v] = format == "table" ? names.type_label(input.organisation[v]) : names.type(input.organisation[v]);
        territory_of[v] = names.territory(input.territory[v]);
    }
    const auto types = group_by(type_of, names.unknown());
    const auto territories = group_by(territory_of, names.unknown());
    metrics::MixingOptions o;
    o.reshuffles = in.reshuffles;
    o.seed = in.seed;
    o.cache = in.draws;
    const auto r = metrics::mixing(input, {types.grouping, territories.grouping}, o);

    Doc d = frame(in);
    d.figures.emplace_back("nodes", Msg::MetNodes, Cell{count(static_cast<std::int64_t>(input.nodes.size())), ""});
    d.figures.emplace_back("ties", Msg::MetTies, Cell{count(r.ties), ""});
    d.figures.emplace_back("reshuffles", Msg::MetReshuffles, Cell{count(r.reshuffles), ""});
    d.figures.emplace_back("seed", Msg::MetSeed, Cell{std::to_string(r.seed), ""});
    d.figures.emplace_back("null_model", Msg::MetNullModel,
                           Cell{std::string("curveball-per-edition"), core::tr(in.lang, Msg::NullModelText, core::format_count(r.trades, in.lang))});
    // the table says the trades in the null model's words
    if (format != "table") d.figures.emplace_back("trades_per_reshuffle", Msg::MetReshuffles, Cell{count(r.trades), ""});
    const bool table = format == "table";
    add_mixing_sections(d, r.groupings[0], types.names, "type", Msg::SectionMixingTypes, Msg::SectionEiTypes, in.lang, table);
    if (territories.grouping.group_count > 1)
        add_mixing_sections(d, r.groupings[1], territories.names, "territory", Msg::SectionMixingTerritories,
                            Msg::SectionEiTerritories, in.lang, table);
    return render(d, format, in.lang);
}

// ---- change ----------------------------------------------------------------------------------

namespace {

/// The section of the measures that move (metrics/change_chance.hpp): one row per transition and
/// measure with its margin of chance, and their sentences.
Section chance_section(const ViewInput& in, const Names& names, const std::vector<metrics::ChanceChange>& changes) {
    using metrics::MeasureKind;
    Section out{"chance", Msg::SectionChanceChange, {}, {}, {}};
    out.cols = {{"territory", Msg::HeadTerritory},
                {"to", Msg::HeadTo, core::Align::Right},
                {"measure", Msg::HeadMeasure},
                {"before", Msg::HeadBefore, core::Align::Right},
                {"after", Msg::HeadAfter, core::Align::Right},
                {"difference", Msg::HeadDifference, core::Align::Right},
                {"chance_low", Msg::HeadChanceLow, core::Align::Right},
                {"chance_high", Msg::HeadChanceHigh, core::Align::Right},
                {"verdict", Msg::HeadVerdict}};
    if (changes.empty()) return out;
    out.sentences.push_back(core::tr(in.lang, Msg::ChangeNullModelText, core::format_count(changes.front().reshuffles, in.lang)));
    const auto lang = in.lang;
    // the table's text: shares as percentages (changes in points), means with one decimal
    auto value = [&](const metrics::ChangeMeasureInfo& m, double x) {
        if (std::isnan(x)) return std::string("—");
        return m.kind == MeasureKind::Share ? report::format_percent(x, 1, lang) : report::format_number(x, m.kind == MeasureKind::Mean ? 1 : 0, lang);
    };
    auto change = [&](const metrics::ChangeMeasureInfo& m, double x) {
        if (std::isnan(x)) return std::string("—");
        if (m.transition) return report::format_number(x, 0, lang);
        return m.kind == MeasureKind::Share ? report::format_signed(x * 100, 1, lang) : report::format_signed(x, m.kind == MeasureKind::Mean ? 1 : 0, lang);
    };
    static constexpr Msg verdict_words[] = {Msg::ChangeVerdictUpShort, Msg::ChangeVerdictDownShort, Msg::ChangeVerdictWithinShort,
                                            Msg::ChangeVerdictNotTestableShort};
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        const std::string territory = names.territory(c.territory);
        const int from = names.year(c.previous), to = names.year(c.current);
        for (const auto& x : c.measures) {
            const auto& m = metrics::info(x.measure);
            std::string difference = change(m, x.difference);
            if (m.kind == MeasureKind::Share && !std::isnan(x.difference)) difference += "\u00A0pts";
            out.rows.push_back({{territory, ""},
                                {count(to), std::to_string(to)},
                                {std::string(m.key), std::string(m.short_label(lang))},
                                {number(x.before), value(m, x.before)},
                                {number(x.after), value(m, x.after)},
                                {number(x.difference), difference},
                                {number(x.low), change(m, x.low)},
                                {number(x.high), change(m, x.high)},
                                {std::string(metrics::key(x.verdict)),
                                 std::string(core::message(verdict_words[static_cast<std::size_t>(x.verdict)], lang))}});
        }
        // the sentences: the lead measures, then connaissance
        for (const auto& x : c.measures) {
            const auto& m = metrics::info(x.measure);
            if (!m.lead && x.measure != metrics::ChangeMeasure::PartnersConnaissance) continue;
            out.sentences.push_back(territory + " — " + report::change_sentence(x, from, to, lang));
        }
    }
    return out;
}

} // namespace

std::string change(const ViewInput& in, const std::string& format) {
    const Names names{in};
    const bool people = in.scope == graph::Scope::People;
    metrics::ChangeOptions options; // the tie lists of the scope shown only
    options.people_tie_lists = people;
    options.organisation_tie_lists = !people;
    auto changes = metrics::edition_changes(in.project, in.level, in.window, options);
    metrics::MixingOptions chance_options;
    chance_options.reshuffles = in.reshuffles;
    chance_options.seed = in.seed;
    // one null model per territory (its latest transition in the window, the one its sentences
    // tell): a national file's thousands of transitions would take minutes; --edition Y picks one
    const auto chance = metrics::changes_against_chance(in.project, in.window, chance_options, true);

    Doc d = frame(in);
    d.figures.emplace_back("reshuffles", Msg::MetReshuffles, Cell{count(chance_options.reshuffles), ""});
    d.figures.emplace_back("seed", Msg::MetSeed, Cell{std::to_string(chance_options.seed), ""});
    // what "denser than last edition?" is answered with leads (docs/metrics.md, "Measures that move")
    d.sections.push_back(chance_section(in, names, chance));

    Section summary{"transitions", Msg::SectionChange, {}, {}, {}};
    summary.cols = {{"territory", Msg::HeadTerritory},
                    {"from", Msg::HeadFrom, core::Align::Right},
                    {"to", Msg::HeadTo, core::Align::Right},
                    {"network", Msg::HeadNetwork},
                    {"ties_before", Msg::HeadTiesBefore, core::Align::Right},
                    {"ties_after", Msg::HeadTiesAfter, core::Align::Right},
                    {"new", Msg::HeadCreated, core::Align::Right},
                    {"faded", Msg::HeadFaded, core::Align::Right},
                    {"strengthened", Msg::HeadStrengthened, core::Align::Right},
                    {"persistent", Msg::HeadPersistent, core::Align::Right},
                    {"jaccard", Msg::HeadJaccard, core::Align::Right},
                    {"retention", Msg::HeadRetention, core::Align::Right},
                    {"newcomers", Msg::HeadNewcomers, core::Align::Right},
                    {"returning", Msg::HeadReturning, core::Align::Right},
                    {"lapsed", Msg::HeadLapsed, core::Align::Right},
                    {"brokers", Msg::HeadBrokers, core::Align::Right},
                    {"brokers_back", Msg::HeadBrokersBack, core::Align::Right}};
    if (changes.empty()) summary.sentences.push_back(std::string(core::message(Msg::NoTransition, in.lang)));

    Section ties{"tie_changes", Msg::SectionTieChanges, {}, {}, {}};
    ties.cols = {{"territory", Msg::HeadTerritory},
                 {"to", Msg::HeadTo, core::Align::Right},
                 {"change", Msg::HeadChange},
                 {"source", Msg::HeadTieEnd},
                 {"target", Msg::HeadTieEnd},
                 {"weight", Msg::HeadWeight, core::Align::Right}};
    Section brokers{"brokers", Msg::SectionBrokers, {}, {}, {}};
    brokers.cols = {{"territory", Msg::HeadTerritory},
                    {"from", Msg::HeadFrom, core::Align::Right},
                    {"to", Msg::HeadTo, core::Align::Right},
                    {people ? "person" : "organisation", Msg::HeadNode},
                    {"type", Msg::HeadType},
                    {"betweenness", Msg::HeadBetweenness, core::Align::Right},
                    {"came_back", Msg::HeadCameBack}};
    Section lapsed{"lapsed", Msg::SectionLapsed, {}, {}, {}};
    lapsed.cols = {{"territory", Msg::HeadTerritory},
                   {"at", Msg::HeadTo, core::Align::Right},
                   {people ? "person" : "organisation", Msg::HeadNode},
                   {"type", Msg::HeadType},
                   {"first_year", Msg::HeadFirstYear, core::Align::Right},
                   {"last_year", Msg::HeadLastYear, core::Align::Right},
                   {"editions", Msg::HeadEditionsCount, core::Align::Right}};

    // a person's organisation as last seen in the project (for the type column)
    std::vector<model::Id> person_org(in.project.people.size(), model::no_id);
    for (const auto& a : in.project.attendances)
        if (a.organisation != model::no_id) person_org[static_cast<std::size_t>(a.person)] = a.organisation;
    auto org_of = [&](model::Id id) { return people ? person_org[static_cast<std::size_t>(id)] : id; };
    auto quoted = [&](model::Id id) { return names.quoted(in.scope, id, org_of(id)); };

    for (std::size_t i = 0; i < changes.size(); ++i) {
        auto& c = changes[i];
        const std::string territory = names.territory(c.territory);
        const auto from = static_cast<std::int64_t>(names.year(c.previous)), to = static_cast<std::int64_t>(names.year(c.current));
        for (auto [s, scope] : {std::pair(&c.people, graph::Scope::People), std::pair(&c.organisations, graph::Scope::Organisations)}) {
            const Msg word = scope == graph::Scope::People ? Msg::ScopePeople : Msg::ScopeOrganisations;
            summary.rows.push_back({{territory, ""},
                                    {count(from), std::to_string(from)},
                                    {count(to), std::to_string(to)},
                                    {std::string(graph::key(scope)), std::string(core::message(word, in.lang))},
                                    {count(s->ties.previous), ""},
                                    {count(s->ties.current), ""},
                                    {count(s->ties.created), ""},
                                    {count(s->ties.faded), ""},
                                    {count(s->ties.strengthened), ""},
                                    {count(s->ties.persistent), ""},
                                    {number(s->ties.jaccard), ""},
                                    {number(s->presence.retention), ""},
                                    {count(s->presence.newcomers), ""},
                                    {count(s->presence.returning), ""},
                                    {count(static_cast<std::int64_t>(s->presence.lapsed.size())), ""},
                                    {count(static_cast<std::int64_t>(s->brokers.brokers.size())), ""},
                                    {count(s->brokers.returned), ""}});
        }
        const auto& s = people ? c.people : c.organisations;
        for (auto [list, word, key] : {std::tuple(&s.ties.created_ties, Msg::WordCreated, "new"),
                                       std::tuple(&s.ties.faded_ties, Msg::WordFaded, "faded")})
            for (const auto& t : *list)
                ties.rows.push_back({{territory, ""},
                                     {count(to), std::to_string(to)},
                                     {std::string(key), std::string(core::message(word, in.lang))},
                                     {names.node(in.scope, t.a), ""},
                                     {names.node(in.scope, t.b), ""},
                                     {count(std::llround(std::max(t.previous, t.current))), ""}});
        for (std::size_t b = 0; b < s.brokers.brokers.size(); ++b) {
            const auto id = s.brokers.brokers[b];
            const bool back = s.brokers.came_back[b];
            if (!back) brokers.sentences.push_back(core::tr(in.lang, Msg::BrokerGoneSentence, quoted(id), from, to));
            brokers.rows.push_back({{territory, ""},
                                    {count(from), std::to_string(from)},
                                    {count(to), std::to_string(to)},
                                    {names.node(in.scope, id), ""},
                                    {names.type(org_of(id)), names.type_label(org_of(id))},
                                    {number(s.brokers.betweenness[b]), ""},
                                    {std::string(back ? "yes" : "no"), std::string(core::message(back ? Msg::WordYes : Msg::WordNo, in.lang))}});
        }
        // the lapsed as of the latest transition of each territory
        const bool last_of_territory = i + 1 == changes.size() || changes[i + 1].territory != c.territory;
        if (last_of_territory)
            for (const auto& l : s.presence.lapsed)
                lapsed.rows.push_back({{territory, ""},
                                       {count(to), std::to_string(to)},
                                       {names.node(in.scope, l.id), ""},
                                       {names.type(org_of(l.id)), names.type_label(org_of(l.id))},
                                       {count(l.first_year), std::to_string(l.first_year)},
                                       {count(l.last_year), std::to_string(l.last_year)},
                                       {count(l.editions), ""}});
        c.people = {}; // rendered: its lists are no longer needed
        c.organisations = {};
    }
    d.sections.push_back(std::move(summary));
    d.sections.push_back(std::move(ties));
    d.sections.push_back(std::move(brokers));
    d.sections.push_back(std::move(lapsed));
    return render(d, format, in.lang);
}

// ---- editions ---------------------------------------------------------------------------------

std::string editions(const ViewInput& in, const std::string& format) {
    const Names names{in};
    // every edition of the territories: a row's previous edition may lie outside the window
    // (--edition Y), and the sentences compare with it
    graph::Window territories;
    territories.territory = in.window.territory;
    const auto rows = metrics::edition_trend(in.project, in.scope, in.level, territories);
    std::map<model::Id, std::size_t> row_of; // edition → its row
    for (std::size_t i = 0; i < rows.size(); ++i) row_of[rows[i].edition] = i;
    const auto& w = in.window;
    auto wanted = [&](const metrics::EditionTrend& r) {
        return !w.year || (w.cumulative ? r.year <= *w.year : r.year == *w.year);
    };

    Doc d = frame(in);
    Section s{"editions", Msg::SectionEditions, {}, {}, {}};
    s.cols = {{"territory", Msg::HeadTerritory},
              {"year", Msg::HeadEdition, core::Align::Right},
              {"people", Msg::HeadPeople, core::Align::Right},
              {"organisations", Msg::HeadOrganisations, core::Align::Right},
              {"ties", Msg::MetTies, core::Align::Right},
              {"density", Msg::MetDensity, core::Align::Right},
              {"ei_index", Msg::HeadEiIndex, core::Align::Right},
              {"retention", Msg::HeadRetentionPeople, core::Align::Right},
              {"newcomers", Msg::HeadNewcomersPeople, core::Align::Right}};
    // the density as the table shows it
    auto shown = [&](double x) { return fixed(x, table_digits, in.lang); };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (!wanted(r)) continue;
        const auto year = static_cast<std::int64_t>(r.year);
        s.rows.push_back({{names.territory(r.territory), ""},
                          {count(year), std::to_string(year)},
                          {count(r.people), ""},
                          {count(r.organisations), ""},
                          {count(r.ties), ""},
                          {number(r.density), ""},
                          {number(r.ei_index), ""},
                          {number(r.retention), ""},
                          {count(r.newcomers), ""}});
        // one sentence per territory, on its latest edition shown
        const bool last = i + 1 == rows.size() || rows[i + 1].territory != r.territory || !wanted(rows[i + 1]);
        if (!last) continue;
        const std::string territory = names.territory(r.territory);
        if (r.previous == model::no_id) {
            s.sentences.push_back(core::tr(in.lang, Msg::EditionsFirst, territory, r.year));
            continue;
        }
        const auto& p = rows[row_of.at(r.previous)];
        const std::string now = shown(r.density), before = shown(p.density);
        // no verdict on density alone: near its ceiling a change of a few thousandths says
        // nothing; --what change judges the measures that move against chance
        if (now == before) s.sentences.push_back(core::tr(in.lang, Msg::EditionsSameDensity, territory, now, r.year, p.year));
        else s.sentences.push_back(core::tr(in.lang, Msg::EditionsDensityNoVerdict, territory, now, r.year, before, p.year));
    }
    d.sections.push_back(std::move(s));
    return render(d, format, in.lang);
}

} // namespace maillage::cli::views
