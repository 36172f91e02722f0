#include "metrics_command.hpp"

#include "document.hpp"
#include "input.hpp"
#include "metrics_views.hpp"

#include "maillage/store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <cmath>
#include <numeric>
#include <optional>
#include <ostream>
#include <type_traits>
#include <variant>

#include <malloc.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/communities.hpp"
#include "maillage/metrics/concentration.hpp"
#include "maillage/metrics/node_columns.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/metrics/two_mode.hpp"
#include "maillage/model/taxonomy.hpp"

// jemalloc's control call, when the executable runs on jemalloc (docs/architecture.md,
// "Allocator"); null otherwise (the tests' programs run on glibc's).
extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value, std::size_t new_size)
    __attribute__((weak));

namespace maillage::cli {

using core::Msg;
using json = nlohmann::ordered_json;

void MetricsCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("--territory", text(Msg::OptTerritory), &m_territory);
    args.option("--edition", text(Msg::OptEdition), &m_edition);
    args.flag("--cumulative", text(Msg::OptCumulative), &m_cumulative);
    args.option("--level", text(Msg::OptLevel), &m_level, {"connaissance", "interconnaissance", "reconnaissance"});
    args.option("--scope", text(Msg::OptScope), &m_scope, {"people", "organisations", "two-mode"});
    args.option("--format", text(Msg::OptFormat), &m_format, {"table", "csv", "json"});
    args.flag("--people", text(Msg::OptPeople), &m_people);
    args.option("--what", text(Msg::OptWhat), &m_what, {"summary", "brokerage", "mixing", "change", "editions", "job"});
    args.option("--seed", text(Msg::OptSeed), &m_seed);
    args.option("--reshuffles", core::tr(lang, Msg::OptReshuffles, metrics::default_reshuffles), &m_reshuffles);
    m_sheet_options.declare(args, lang);
    args.option("-o,--output", text(Msg::OptOutput), &m_output);
}

void MetricsCommand::setup(const Context& context) {
    m_sheet_options.resolve(context.lang, m_mapping, m_read);
    m_tie_level = *graph::parse_tie_level(m_level); // the declared choices guarantee a known key
    m_network_scope = *graph::parse_scope(m_scope);
    if (!m_edition.empty()) {
        const auto year = parse_whole(m_edition, 9999);
        if (!year) throw FatalError(core::tr(context.lang, Msg::UsageBadYear, m_edition));
        m_year = static_cast<int>(*year);
    }
    const auto seed = parse_whole(m_seed, UINT64_MAX);
    if (!seed) throw FatalError(core::tr(context.lang, Msg::UsageBadSeed, m_seed));
    m_seed_value = *seed;
    const auto reshuffles = parse_whole(m_reshuffles, 100000);
    if (!reshuffles || *reshuffles < 1) throw FatalError(core::tr(context.lang, Msg::UsageBadReshuffles, m_reshuffles));
    m_reshuffles_value = static_cast<std::int32_t>(*reshuffles);
    if (m_what != "summary" && m_what != "job" && m_network_scope == graph::Scope::TwoMode)
        throw FatalError(core::tr(context.lang, Msg::UsageWhatScope, m_what));
    if (m_what == "job" && m_output.empty()) throw FatalError(std::string(core::message(Msg::UsageJobFolder, context.lang)));
}

namespace {

// ---- Figures and rows, then three renderings of them -----------------------------------------

using Value = std::variant<std::int64_t, double, std::string>;

struct Figure {
    std::string key; ///< CSV and JSON
    Msg label;       ///< table
    Value value;     ///< CSV and JSON (strings are stable keys)
    std::string shown; ///< table text for string values (in the user's language)
};

struct Column {
    std::string key;
    Msg label;
    core::Align align;
    bool mode = false; ///< holds "person" or "session", shown in the user's language in tables
    std::string heading; ///< the heading when it is not a message (metrics::node_columns)
    core::Fit fit = core::Fit::Auto; ///< in a text wider than 120 characters
};

struct Report {
    json network; ///< what was measured (scope, level, window)
    std::vector<Figure> figures;
    std::vector<Column> columns;
    std::vector<std::vector<Value>> rows;
    std::vector<metrics::CommunityComposition> communities;
};

constexpr int table_digits = 4;
constexpr int data_digits = 6;

std::string fixed(double x, int digits, core::Lang lang) { return core::format_decimal(x, digits, lang); }

double rounded(double x) {
    const double r = std::round(x * 1e6) / 1e6;
    return r == 0 ? 0.0 : r;
}

std::string table_cell(const Value& v, core::Lang lang) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return core::format_count(*i, lang);
    if (const auto* d = std::get_if<double>(&v)) return fixed(*d, table_digits, lang);
    return std::get<std::string>(v);
}

std::string data_cell(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) return fixed(*d, data_digits, core::Lang::En);
    return std::get<std::string>(v);
}

json json_value(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return rounded(*d);
    return std::get<std::string>(v);
}

/// The most frequent labels with their counts, at most five (the rest as "+N"; JSON has them all).
std::string counts_text(const std::vector<std::pair<std::string, std::int64_t>>& counts, core::Lang lang) {
    constexpr std::size_t shown = 5;
    std::string out;
    std::int64_t rest = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const auto& [label, n] = counts[i];
        if (i >= shown) {
            rest += n;
            continue;
        }
        if (!out.empty()) out += ", ";
        out += (label.empty() ? std::string(core::message(Msg::WordUnknown, lang)) : label) + " " +
               core::format_count(n, lang);
    }
    if (rest > 0) out += ", +" + core::format_count(rest, lang);
    return out;
}

std::string render_table(const Report& r, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    std::vector<core::Figure> figures;
    for (const auto& f : r.figures) {
        const bool words = std::holds_alternative<std::string>(f.value);
        figures.push_back({text(f.label), words ? f.shown : table_cell(f.value, lang), !words});
    }
    std::vector<std::string> headers;
    std::vector<core::Align> aligns;
    for (const auto& c : r.columns) {
        headers.push_back(c.heading.empty() ? text(c.label) : c.heading);
        aligns.push_back(c.align);
    }
    std::vector<core::TextColumn> node_columns;
    for (std::size_t c = 0; c < r.columns.size(); ++c) node_columns.push_back({headers[c], aligns[c], r.columns[c].fit});
    core::TextTable nodes(std::move(node_columns));
    for (const auto& row : r.rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool person = r.columns[c].mode && std::get<std::string>(row[c]) == "person";
            cells.push_back(!r.columns[c].mode ? table_cell(row[c], lang)
                                               : std::string(core::message(person ? Msg::WordPersonMode : Msg::WordSessionMode, lang)));
        }
        nodes.add_row(std::move(cells));
    }
    const auto fitted = nodes.fit();
    std::string out = core::figures_text(text(Msg::HeadIndicator), text(Msg::HeadValue), figures) + "\n" + fitted.text;
    if (!fitted.omitted.empty()) {
        std::string names;
        for (const auto& o : fitted.omitted) names += (names.empty() ? "" : ", ") + o;
        out += core::wrap_text(core::tr(lang, Msg::ColumnsLeftOut, names), core::text_width, 2, 4);
    }
    if (!r.communities.empty()) {
        core::TextTable communities({text(Msg::HeadCommunity), text(Msg::HeadSize), text(Msg::HeadTypes),
                                     text(Msg::HeadTerritories)},
                                    {core::Align::Right, core::Align::Right, core::Align::Left, core::Align::Left});
        for (const auto& c : r.communities)
            communities.add_row({std::to_string(c.community), core::format_count(c.size, lang),
                                 counts_text(c.by_type, lang), counts_text(c.by_territory, lang)});
        out += "\n" + communities.str();
    }
    return out;
}

/// Two CSV tables separated by one empty line: the figures (figure,value), then the nodes.
std::string render_csv(const Report& r) {
    std::string out = core::csv_record({"figure", "value"});
    for (const auto& f : r.figures) out += core::csv_record({f.key, data_cell(f.value)});
    out += "\r\n";
    std::vector<std::string> header;
    for (const auto& c : r.columns) header.push_back(c.key);
    out += core::csv_record(header);
    for (const auto& row : r.rows) {
        std::vector<std::string> cells;
        for (const auto& v : row) cells.push_back(data_cell(v));
        out += core::csv_record(cells);
    }
    return out;
}

std::string render_json(const Report& r) {
    std::string out;
    document::JsonStream doc(out); // the bytes of an ordered_json document's dump(2), streamed
    doc.member("network", r.network);
    json figures = json::object();
    for (const auto& f : r.figures) figures[f.key] = json_value(f.value);
    doc.member("figures", figures);
    doc.begin_rows("nodes");
    for (const auto& row : r.rows) {
        doc.begin_row();
        for (std::size_t c = 0; c < r.columns.size(); ++c) doc.field(r.columns[c].key, json_value(row[c]));
        doc.end_row();
    }
    doc.end_rows();
    doc.begin_rows("communities");
    for (const auto& c : r.communities) {
        doc.begin_row();
        doc.field("community", c.community);
        doc.field("size", c.size);
        json types = json::object(), territories = json::object();
        for (const auto& [label, n] : c.by_type) types[label] = n;
        for (const auto& [label, n] : c.by_territory) territories[label] = n;
        doc.field_value("types", types);
        doc.field_value("territories", territories);
        doc.end_row();
    }
    doc.end_rows();
    doc.finish();
    return out;
}

// ---- Building the report -------------------------------------------------------------------

struct Labels {
    const model::Project& project;
    std::vector<std::string> person; ///< person id → what to show
    /// Set for tables: types shown by their label in this language ("France Travail (ex-Pôle
    /// emploi)"); CSV and JSON keep the stable key (france_travail).
    std::optional<core::Lang> type_labels;

    Labels(const LoadedInput& in, bool names, std::optional<core::Lang> labels_in)
        : project(in.project), person(person_labels(in.project, names)), type_labels(labels_in) {}
    [[nodiscard]] std::string organisation(model::Id o) const {
        return o == model::no_id ? std::string() : project.organisations[static_cast<std::size_t>(o)].name;
    }
    [[nodiscard]] std::string type(model::Id o) const {
        if (o == model::no_id) return {};
        const std::string& key = project.organisations[static_cast<std::size_t>(o)].type;
        if (!type_labels || key.empty()) return key;
        static const auto taxonomy = model::Taxonomy::defaults();
        const auto* t = taxonomy.find(key);
        return t == nullptr ? key : *type_labels == core::Lang::Fr ? t->label_fr : t->label_en;
    }
    [[nodiscard]] std::string territory(model::Id t) const {
        return t == model::no_id ? std::string() : project.territories[static_cast<std::size_t>(t)].name;
    }
    [[nodiscard]] std::string edition(model::Id e) const {
        const auto& ed = project.editions[static_cast<std::size_t>(e)];
        return territory(ed.territory) + (ed.year > 0 ? " " + std::to_string(ed.year) : std::string());
    }
};

json describe_network(const graph::Scope scope, graph::TieLevel level, const std::optional<model::Id>& territory,
                      const std::optional<int>& year, bool cumulative, const std::vector<model::Id>& editions,
                      const Labels& labels) {
    json j;
    j["scope"] = graph::key(scope);
    j["level"] = graph::key(level);
    j["territory"] = territory ? json(labels.territory(*territory)) : json();
    j["edition"] = year ? json(*year) : json();
    j["cumulative"] = cumulative;
    j["editions"] = json::array();
    for (auto e : editions) {
        const auto& ed = labels.project.editions[static_cast<std::size_t>(e)];
        json x;
        x["territory"] = labels.territory(ed.territory);
        x["year"] = ed.year;
        j["editions"].push_back(x);
    }
    return j;
}

void add_context_figures(Report& r, graph::Scope scope, graph::TieLevel level, const std::optional<model::Id>& territory,
                         const std::optional<int>& year, bool cumulative, std::size_t editions, const Labels& labels,
                         core::Lang lang) {
    const Msg scope_label = scope == graph::Scope::People          ? Msg::ScopePeople
                            : scope == graph::Scope::Organisations ? Msg::ScopeOrganisations
                                                                   : Msg::ScopeTwoMode;
    r.figures.push_back({"network", Msg::MetNetwork, std::string(graph::key(scope)) + "/" + std::string(graph::key(level)),
                         std::string(core::message(scope_label, lang)) + ", " + std::string(graph::key(level))});
    std::string where = territory ? labels.territory(*territory) : std::string(core::message(Msg::WindowAllTerritories, lang));
    std::string when = !year ? std::string(core::message(Msg::WindowAllEditions, lang))
                       : cumulative ? core::tr(lang, Msg::WindowCumulative, *year)
                                    : core::tr(lang, Msg::WindowEdition, *year);
    std::string window_key = (territory ? labels.territory(*territory) : std::string("*")) + "/" +
                             (!year ? std::string("*") : (cumulative ? "..." : "") + std::to_string(*year));
    r.figures.push_back({"window", Msg::MetWindow, window_key, where + ", " + when});
    r.figures.push_back({"editions", Msg::MetEditions, static_cast<std::int64_t>(editions), ""});
}

/// Node rows ordered by degree, then strength, descending, then label: the most connected first.
template <typename Key>
std::vector<std::size_t> order_nodes(std::size_t n, Key key) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
}

Report one_mode_report(const graph::Network& net, const Labels& labels, std::uint64_t seed, core::Lang lang) {
    Report r;
    metrics::StructureOptions so;
    so.seed = seed;
    // The graph-level figures are maillage's own code (no igraph): computed on another thread
    // while igraph's Leiden, which is not thread-safe, runs on one core (node_figures shares one
    // igraph copy of the graph between the centralities and the communities).
    const auto counts = metrics::network_counts(net, labels.project);
    metrics::CentralityOptions co;
    co.seed = seed;
    metrics::CommunityOptions mo;
    mo.seed = seed;
    metrics::StructureSummary s;
    const bool people = net.scope == graph::Scope::People;
    // Beside Leiden too: each node's label, type and territory, and the rows' order (by the
    // centralities, which come first).
    const auto n = static_cast<std::size_t>(net.graph.node_count);
    std::vector<std::string> label(n), type(n), territory(n);
    std::vector<std::size_t> order;
    const auto [c, communities] = metrics::node_figures(net.graph, co, mo, [&](const metrics::NodeCentralities& figures) {
        s = metrics::graph_structure(net.graph, so);
        for (std::size_t v = 0; v < n; ++v) {
            label[v] = people ? labels.person[static_cast<std::size_t>(net.nodes[v])] : labels.organisation(net.nodes[v]);
            type[v] = labels.type(net.organisation[v]);
            territory[v] = labels.territory(net.territory[v]);
        }
        order = order_nodes(n, [&](std::size_t v) { return std::tuple(-figures.degree[v], -figures.strength[v], label[v]); });
    });

    using F = Figure;
    r.figures.push_back(F{"people", Msg::MetPeople, counts.people, ""});
    r.figures.push_back(F{"organisations", Msg::MetOrganisations, counts.organisations, ""});
    r.figures.push_back(F{"organisation_types", Msg::MetTypes, counts.types, ""});
    r.figures.push_back(F{"nodes", Msg::MetNodes, s.nodes, ""});
    r.figures.push_back(F{"ties", Msg::MetTies, s.ties, ""});
    if (!people) {
        double internal = 0;
        for (double w : net.internal_weight) internal += w;
        r.figures.push_back(F{"internal_ties", Msg::MetInternalTies, static_cast<std::int64_t>(std::llround(internal)), ""});
    }
    r.figures.push_back(F{"density", Msg::MetDensity, s.density, ""});
    r.figures.push_back(F{"mean_degree", Msg::MetMeanDegree, s.mean_degree, ""});
    r.figures.push_back(F{"max_degree", Msg::MetMaxDegree, s.max_degree, ""});
    r.figures.push_back(F{"mean_strength", Msg::MetMeanStrength, s.mean_strength, ""});
    r.figures.push_back(F{"components", Msg::MetComponents, s.components, ""});
    r.figures.push_back(F{"largest_component_share", Msg::MetLargestShare, s.largest_share, ""});
    r.figures.push_back(F{"transitivity", Msg::MetTransitivity, s.transitivity, ""});
    r.figures.push_back(F{"mean_clustering", Msg::MetClustering, s.mean_clustering, ""});
    r.figures.push_back(F{"mean_distance", Msg::MetMeanDistance, s.mean_distance, ""});
    r.figures.push_back(F{"diameter", Msg::MetDiameter, s.diameter, ""});
    r.figures.push_back(F{"distances", Msg::MetDistances,
                          s.distances_sampled ? fmt::format("sampled:{}:{}", s.distance_sources, seed) : std::string("exact"),
                          s.distances_sampled ? core::tr(lang, Msg::BetweennessSampled, s.distance_sources, seed)
                                              : std::string(core::message(Msg::BetweennessExact, lang))});
    r.figures.push_back(F{"communities", Msg::MetCommunities, static_cast<std::int64_t>(communities.count), ""});
    r.figures.push_back(F{"modularity", Msg::MetModularity, communities.modularity, ""});
    r.figures.push_back(F{"degree_gini", Msg::MetDegreeGini,
                          metrics::gini(std::vector<double>(c.degree.begin(), c.degree.end())), ""});
    r.figures.push_back(F{"betweenness_gini", Msg::MetBetweennessGini, metrics::gini(c.betweenness), ""});
    r.figures.push_back(F{"degree_centralisation", Msg::MetCentralisation, metrics::degree_centralisation(c.degree), ""});
    const bool exact = c.betweenness_method == metrics::BetweennessMethod::Exact;
    r.figures.push_back(F{"betweenness", Msg::MetBetweenness,
                          exact ? std::string("exact") : fmt::format("sampled:{}:{}", c.betweenness_sources, seed),
                          exact ? std::string(core::message(Msg::BetweennessExact, lang))
                                : core::tr(lang, Msg::BetweennessSampled, c.betweenness_sources, seed)});

    r.columns.push_back({people ? "person" : "organisation", Msg::HeadNode, core::Align::Left});
    if (people) r.columns.push_back({"organisation", Msg::HeadOrganisation, core::Align::Left});
    r.columns.push_back({"type", Msg::HeadType, core::Align::Left});
    // The per-node figures: one column per declaration of metrics::node_columns.
    std::vector<const metrics::NodeColumn*> shown;
    for (const auto& column : metrics::node_columns()) {
        if (!column.in(metrics::InTable) || (people && column.organisations_only)) continue;
        shown.push_back(&column);
        r.columns.push_back({std::string(column.table_key), Msg::HeadValue, core::Align::Right, false,
                             std::string(column.label(lang)),
                             column.in(metrics::InTableText) ? core::Fit::Keep : core::Fit::Optional});
    }
    const metrics::NodeInputs inputs{&c, &communities, people ? nullptr : &net.internal_weight};

    for (auto v : order) {
        std::vector<Value> row{label[v]};
        if (people) row.emplace_back(labels.organisation(net.organisation[v]));
        row.emplace_back(type[v]);
        for (const auto* column : shown) {
            const double x = column->get(inputs, v);
            // Counts, and the weights of these networks (counts of shared sessions), are whole.
            if (column->kind == metrics::NodeColumnKind::Count || column->whole_in_table)
                row.emplace_back(static_cast<std::int64_t>(std::llround(x)));
            else
                row.emplace_back(x);
        }
        r.rows.push_back(std::move(row));
    }
    r.communities = metrics::composition(communities, type, territory);
    return r;
}

Report two_mode_report(const graph::TwoModeNetwork& net, const Labels& labels, core::Lang lang) {
    Report r;
    const auto s = metrics::graph_structure(net.graph);
    const auto people = static_cast<std::int64_t>(net.people.size()), sessions = static_cast<std::int64_t>(net.sessions.size());
    r.figures.push_back({"people", Msg::MetPeople, people, ""});
    r.figures.push_back({"sessions", Msg::MetSessions, sessions, ""});
    r.figures.push_back({"ties", Msg::MetTies, s.ties, ""});
    // two-mode density: ties over the people × sessions pairs that could exist
    r.figures.push_back({"density", Msg::MetDensity,
                         people * sessions > 0 ? static_cast<double>(s.ties) / static_cast<double>(people * sessions) : 0.0, ""});
    r.figures.push_back({"components", Msg::MetComponents, s.components, ""});
    r.figures.push_back({"largest_component_share", Msg::MetLargestShare, s.largest_share, ""});
    r.figures.push_back({"betweenness", Msg::MetBetweenness, std::string("exact"),
                         std::string(core::message(Msg::BetweennessExact, lang))});

    r.columns = {{"node", Msg::HeadNode, core::Align::Left},
                 {"mode", Msg::HeadMode, core::Align::Left, true},
                 {"organisation", Msg::HeadOrganisation, core::Align::Left},
                 {"degree", Msg::HeadDegree, core::Align::Right},
                 {"normalised_degree", Msg::HeadNormalisedDegree, core::Align::Right},
                 {"closeness", Msg::HeadCloseness, core::Align::Right},
                 {"betweenness", Msg::HeadBetweenness, core::Align::Right}};
    if (people == 0 || sessions == 0) return r;
    const auto c = metrics::two_mode_centralities(net.graph, static_cast<std::int32_t>(people));
    const auto n = static_cast<std::size_t>(net.graph.node_count);
    std::vector<std::int64_t> degree(n, 0);
    for (const auto& e : net.graph.edges) {
        ++degree[static_cast<std::size_t>(e.source)];
        ++degree[static_cast<std::size_t>(e.target)];
    }
    const bool several = net.editions.size() > 1;
    std::vector<std::string> label(n);
    for (std::size_t v = 0; v < n; ++v) {
        if (v < net.people.size()) {
            label[v] = labels.person[static_cast<std::size_t>(net.people[v])];
        } else {
            const auto& session = labels.project.sessions[static_cast<std::size_t>(net.sessions[v - net.people.size()])];
            label[v] = session.name + (several ? " (" + labels.edition(session.edition) + ")" : std::string());
        }
    }
    const auto order = order_nodes(n, [&](std::size_t v) { return std::tuple(v >= net.people.size(), -degree[v], label[v]); });
    for (auto v : order) {
        const bool is_person = v < net.people.size();
        r.rows.push_back({label[v], std::string(is_person ? "person" : "session"),
                          is_person ? labels.organisation(net.organisation[v]) : std::string(), degree[v], c.degree[v],
                          c.closeness[v], c.betweenness[v]});
    }
    return r;
}

/// Writes the diagnostics of the input; the exit code.
int finish(const Context& context, const LoadedInput& in) {
    const core::Lang lang = context.lang;
    const auto& project = in.project;
    for (const auto& d : in.diagnostics.items()) context.err << core::render_folded(d, lang) << '\n';
    // Rows set aside are listed when sheets were read here; a store's were listed at ingest.
    std::int64_t rows = 0, rejected = 0;
    for (const auto& f : project.files) {
        rows += f.rows;
        rejected += f.rejected;
    }
    if (rejected > 0 && in.diagnostics.has_errors())
        context.err << core::tr(lang, Msg::SummaryRejected, core::format_count(rejected, lang), core::format_count(rows, lang))
                    << '\n';
    if (in.diagnostics.warning_count() > 0)
        context.err << core::tr(lang, Msg::SummaryWarnings, in.diagnostics.warning_count()) << '\n';
    return in.diagnostics.has_errors() ? 1 : 0;
}

/// Gives back what a one-mode summary no longer reads once its network is built and its people
/// labelled: the attendances, sessions, people and what identity resolution keeps. The rows
/// read the organisations and territories only; the national person network's figures then run
/// with 60 MB less beside them (their peak is PRPACK's PageRank).
/// What was freed given back to the system now, so that the next peak starts lower: jemalloc's
/// arenas purged (it would give their pages back after ten seconds), or glibc's heap trimmed (it
/// keeps freed small blocks otherwise).
void give_back_freed_memory() {
    if (mallctl != nullptr) {
        mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0); // 4096: MALLCTL_ARENAS_ALL
        return;
    }
    malloc_trim(0);
}

void release_after_network(model::Project& project) {
    // swapped with empty vectors: `v = {}` would keep their buffers (assign from an empty list)
    auto drop = [](auto& v) { std::remove_reference_t<decltype(v)>().swap(v); };
    drop(project.attendances);
    drop(project.folded);
    drop(project.sessions);
    drop(project.people);
    drop(project.records);
    drop(project.person_keys);
    drop(project.identities);
    drop(project.spellings);
    give_back_freed_memory();
}

} // namespace

namespace {

/// What one command line asks, resolved: the window and how to show it.
struct Asked {
    graph::Window window;
    std::vector<model::Id> editions;
    graph::TieLevel level;
    std::optional<int> year;
    bool cumulative;
    std::uint64_t seed;
    std::int32_t reshuffles;
    std::string format;
};

/// The `--what brokerage|mixing|change|editions` product of `scope`.
std::string view_product(const Asked& a, const Labels& labels, graph::Scope scope, const std::string& what,
                         metrics::DrawCache* draws, core::Lang lang) {
    Report framed;
    add_context_figures(framed, scope, a.level, a.window.territory, a.year, a.cumulative, a.editions.size(), labels, lang);
    views::ViewInput view{labels.project, labels.person, lang, scope, a.level, a.window, a.seed, a.reshuffles,
                          describe_network(scope, a.level, a.window.territory, a.year, a.cumulative, a.editions, labels), {},
                          draws};
    for (const auto& f : framed.figures)
        view.framing.push_back({f.key, std::string(core::message(f.label, lang)), data_cell(f.value),
                                std::holds_alternative<std::string>(f.value) ? f.shown : table_cell(f.value, lang),
                                !std::holds_alternative<std::string>(f.value)});
    return what == "brokerage" ? views::brokerage(view, a.format)
           : what == "mixing"  ? views::mixing(view, a.format)
           : what == "change"  ? views::change(view, a.format)
                               : views::editions(view, a.format);
}

/// The `--what summary` product of `scope`. With `release`, what the network no longer needs
/// of `project` (labels' own) is given back once it is built (release_after_network): the
/// project is then spent.
/// A report framed by its context figures and network description, in the asked format.
std::string framed_product(const Asked& a, Report report, const Labels& labels, graph::Scope scope, core::Lang lang) {
    Report framed;
    add_context_figures(framed, scope, a.level, a.window.territory, a.year, a.cumulative, a.editions.size(), labels, lang);
    report.figures.insert(report.figures.begin(), framed.figures.begin(), framed.figures.end());
    report.network = describe_network(scope, a.level, a.window.territory, a.year, a.cumulative, a.editions, labels);
    return a.format == "csv" ? render_csv(report) : a.format == "json" ? render_json(report) : render_table(report, lang);
}

/// summary_product's document from the one-mode network already built (`net`, of `scope`).
std::string network_product(const Asked& a, const graph::Network& net, const Labels& labels, graph::Scope scope,
                            core::Lang lang) {
    return framed_product(a, one_mode_report(net, labels, a.seed, lang), labels, scope, lang);
}

std::string summary_product(const Asked& a, model::Project& project, const Labels& labels, graph::Scope scope, bool release,
                            core::Lang lang) {
    if (scope == graph::Scope::TwoMode)
        return framed_product(a, two_mode_report(graph::build_two_mode(project, a.level, a.window), labels, lang), labels,
                              scope, lang);
    const auto net = graph::build_network(project, scope, a.level, a.window);
    if (release) release_after_network(project);
    return network_product(a, net, labels, scope, lang);
}


} // namespace

int MetricsCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    ingest::LoadOptions options;
    options.read = m_read;
    options.mapping = m_mapping;
    LoadedInput in = load_input(m_inputs, options, lang, {}, app::measuring(m_people));
    const Labels labels(in, m_people, m_format == "table" ? std::optional(lang) : std::nullopt);
    Asked a{window_of(in.project, m_territory, m_year, m_cumulative, lang), {}, m_tie_level, m_year, m_cumulative,
            m_seed_value, m_reshuffles_value, m_format};
    a.editions = require_editions(in.project, a.window, lang);
    auto draws = app::StoreDraws::of_inputs(m_inputs); // the reshuffles, kept in the store

    if (m_what == "job") {
        // The standard job of bench/ from one reading of the store: each file holds the bytes the
        // command of its own would print. The people last: their network's figures are the
        // peak, and run with the project given back (release_after_network).
        std::error_code ec;
        std::filesystem::create_directories(m_output, ec);
        const std::string extension = m_format == "table" ? "txt" : m_format;
        auto write = [&](const char* name, const std::string& product) {
            core::write_file_atomically((std::filesystem::path(m_output) / (std::string(name) + "." + extension)).string(),
                                        product, lang);
        };
        // The people's network (the largest) is built on a thread of its own while the editions
        // and the organisations are computed here: all three only read the project.
        auto people = std::async(std::launch::async,
                                 [&] { return graph::build_network(in.project, graph::Scope::People, a.level, a.window); });
        write("editions", view_product(a, labels, graph::Scope::Organisations, "editions", &draws, lang));
        write("organisations", summary_product(a, in.project, labels, graph::Scope::Organisations, false, lang));
        const auto people_network = people.get();
        release_after_network(in.project);
        write("people", network_product(a, people_network, labels, graph::Scope::People, lang));
        return finish(context, in);
    }
    const std::string product = m_what == "summary"
                                    ? summary_product(a, in.project, labels, m_network_scope,
                                                      m_network_scope == graph::Scope::People, lang)
                                    : view_product(a, labels, m_network_scope, m_what, &draws, lang);
    write_product(context, m_output, product);
    return finish(context, in);
}

} // namespace maillage::cli
