// The only translation unit that includes Graphviz (deps-probe G8–G11): cgraph builds the
// graph, gvc lays it out and renders it in process. Graphviz's C API takes char*; it does not
// write through them.
#include "maillage/render/diagram.hpp"
#include "maillage/render/palette.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/metrics/brokerage.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/model/taxonomy.hpp"

#include "graphviz_session.hpp"

namespace maillage::render {

using namespace detail;

using core::Msg;

std::optional<Format> format_of(std::string_view path) {
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "svg") return Format::Svg;
    if (ext == "png") return Format::Png;
    if (ext == "pdf") return Format::Pdf;
    if (ext == "dot" || ext == "gv") return Format::Dot;
    return std::nullopt;
}

std::optional<Layout> parse_layout(std::string_view text) {
    if (text == "sfdp") return Layout::Sfdp;
    if (text == "neato") return Layout::Neato;
    if (text == "fdp") return Layout::Fdp;
    return std::nullopt;
}

namespace {

/// A name as a plain Graphviz string (label, xlabel, tooltip), shown as written:
/// - control characters dropped (SVG is XML: ESC or BEL would make it ill-formed);
/// - a backslash written as U+FF3C FULLWIDTH REVERSE SOLIDUS, because Graphviz expands "\N",
///   "\G", "\L", "\E"... in labels and tooltips alike, and a doubled backslash does not stop
///   it in tooltips (the look-alike keeps a name like "A\B" readable);
/// - '&' written "&amp;", because Graphviz copies an entity it finds ("&lt;") into SVG
///   unescaped, which a browser then shows as "<".
std::string plain(const std::string& text) {
    std::string out;
    for (char c : core::strip_controls(text)) {
        if (c == '\\') out += "\uFF3C";
        else if (c == '&') out += "&amp;";
        else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else out += c;
    }
    return out;
}

/// Text inside an HTML-like label.
std::string html(const std::string& text) {
    std::string out;
    for (char c : core::strip_controls(text)) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string number(double x) { return fmt::format("{:.3f}", x); }

enum class TieStyle { Connaissance, Interconnaissance, Reconnaissance, New, Persistent, Faded };

struct DrawEdge {
    std::int32_t source = 0;
    std::int32_t target = 0;
    double weight = 1;
    TieStyle style = TieStyle::Interconnaissance;
};

/// Graphviz colour and style of a tie.
std::pair<const char*, const char*> look(TieStyle style) {
    switch (style) {
    case TieStyle::Reconnaissance: return {"#222222C0", "solid"};
    case TieStyle::Interconnaissance: return {"#77777790", "solid"};
    case TieStyle::Connaissance: return {"#99999980", "dotted"};
    case TieStyle::New: return {"#000000D0", "solid"};
    case TieStyle::Persistent: return {"#99999990", "solid"};
    case TieStyle::Faded: return {"#BBBBBBC0", "dashed"};
    }
    return {"#777777", "solid"};
}

/// The legend's drawing of a tie style, in text: heavy, plain, dotted or dashed rule.
std::string rule(TieStyle style) {
    const auto [c, st] = look(style);
    const std::string colour = std::string(c).substr(0, 7);
    const char* glyphs = std::string_view(st) == "dotted" ? "\u2508\u2508\u2508"
                         : std::string_view(st) == "dashed" ? "\u254C\u254C\u254C"
                         : (style == TieStyle::Reconnaissance || style == TieStyle::New) ? "\u2501\u2501\u2501"
                                                                                          : "\u2500\u2500\u2500";
    return "<FONT POINT-SIZE=\"14\" COLOR=\"" + colour + "\">" + glyphs + "</FONT>";
}

/// What both kinds of drawing share: the network (nodes, what they stand for, the graph the
/// sizes and articulation points are computed on), the candidate ties with their style, how
/// each node is drawn, and the legend's explanations.
struct Scene {
    const graph::Network* network = nullptr;
    std::vector<DrawEdge> edges;
    std::vector<Presence> node_presence; ///< empty: every node plain
    std::vector<std::pair<std::string, TieStyle>> tie_legend;
    std::string encoding; ///< the caption's first line
    std::string extra;    ///< a caption line after the pruning notes (may be empty)
};

std::string draw(Scene scene, const model::Project& project, Format format, const DiagramOptions& options,
                 DiagramSummary* summary) {
    const core::Lang lang = options.lang;
    const graph::Network& network = *scene.network;
    const auto n = static_cast<std::size_t>(network.graph.node_count);
    const bool comparing = !scene.node_presence.empty();

    // ---- what to draw: the whole network's metrics, then the kept nodes and ties ------------
    const auto centrality = metrics::node_centralities(network.graph);
    std::vector<bool> cut(n, false);
    for (const auto& c : metrics::articulation_points(network.graph)) cut[static_cast<std::size_t>(c.node)] = true;

    auto& edges = scene.edges;
    std::erase_if(edges, [&](const DrawEdge& e) { return e.weight < options.min_weight; });

    std::vector<bool> keep(n, true);
    bool pruned = false, nodes_pruned = false, ties_pruned = false;
    if (n > static_cast<std::size_t>(options.max_nodes)) {
        pruned = nodes_pruned = true;
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return centrality.strength[a] > centrality.strength[b]; });
        std::fill(keep.begin(), keep.end(), false);
        for (std::size_t i = 0; i < static_cast<std::size_t>(options.max_nodes); ++i) keep[order[i]] = true;
        std::erase_if(edges, [&](const DrawEdge& e) {
            return !keep[static_cast<std::size_t>(e.source)] || !keep[static_cast<std::size_t>(e.target)];
        });
    }
    double weight_floor = options.min_weight;
    const std::size_t candidate_ties = edges.size();
    if (edges.size() > static_cast<std::size_t>(options.max_edges)) {
        pruned = ties_pruned = true;
        std::stable_sort(edges.begin(), edges.end(), [](const DrawEdge& a, const DrawEdge& b) { return a.weight > b.weight; });
        edges.resize(static_cast<std::size_t>(options.max_edges));
        weight_floor = edges.back().weight;
        std::sort(edges.begin(), edges.end(), [](const DrawEdge& a, const DrawEdge& b) {
            return std::pair(a.source, a.target) < std::pair(b.source, b.target);
        });
        // a node whose every tie fell below the floor would float alone: it goes too
        std::vector<bool> tied(n, false);
        for (const auto& e : edges) tied[static_cast<std::size_t>(e.source)] = tied[static_cast<std::size_t>(e.target)] = true;
        for (std::size_t v = 0; v < n; ++v) {
            if (keep[v] && !tied[v]) nodes_pruned = true;
            keep[v] = keep[v] && tied[v];
        }
    }

    // ---- colours: the shared palette, one colour per type family (render/palette.hpp) -------
    const auto taxonomy = model::Taxonomy::defaults();
    std::vector<TypeFamily> family(n, TypeFamily::Unknown);
    std::vector<std::string> type_name(n);
    std::set<TypeFamily> present;
    for (std::size_t v = 0; v < n; ++v) {
        const auto o = network.organisation[v];
        if (o != model::no_id) {
            const auto& key = project.organisations[static_cast<std::size_t>(o)].type;
            family[v] = family_of(key);
            if (const auto* t = taxonomy.find(key)) type_name[v] = lang == core::Lang::Fr ? t->label_fr : t->label_en;
        }
        if (keep[v]) present.insert(family[v]);
    }
    DiagramSummary drawn;
    for (const auto f : type_families) // legend in the palette's order, only the families drawn
        if (present.contains(f)) drawn.legend.emplace_back(std::string(render::label(f, lang)), std::string(colour(f)));

    // ---- labels: top brokers and articulation points ----------------------------------------
    std::vector<std::size_t> by_betweenness;
    for (std::size_t v = 0; v < n; ++v)
        if (keep[v]) by_betweenness.push_back(v);
    std::stable_sort(by_betweenness.begin(), by_betweenness.end(),
                     [&](std::size_t a, std::size_t b) { return centrality.betweenness[a] > centrality.betweenness[b]; });
    std::vector<bool> labelled(n, false);
    for (std::size_t i = 0; i < by_betweenness.size() && i < static_cast<std::size_t>(options.labelled_brokers); ++i)
        if (centrality.betweenness[by_betweenness[i]] > 0) labelled[by_betweenness[i]] = true;
    for (std::size_t v = 0; v < n; ++v) labelled[v] = labelled[v] || (keep[v] && cut[v]);
    const double max_betweenness = n == 0 ? 0.0 : *std::max_element(centrality.betweenness.begin(), centrality.betweenness.end());
    double max_weight = 0;
    for (const auto& e : edges) max_weight = std::max(max_weight, e.weight);

    // ---- the caption and the legend, one HTML-like table at the top -------------------------
    std::int32_t kept_nodes = 0;
    for (std::size_t v = 0; v < n; ++v) kept_nodes += keep[v] ? 1 : 0;
    if (kept_nodes == 0) throw FatalError(std::string(core::message(Msg::DiagramEmpty, lang)));
    std::string caption = html(scene.encoding);
    if (nodes_pruned) caption += "<BR/>" + html(core::tr(lang, Msg::DiagramPruned, kept_nodes, n));
    if (ties_pruned)
        caption += "<BR/>" + html(core::tr(lang, Msg::DiagramPrunedTies, edges.size(), candidate_ties,
                                           core::format_decimal(weight_floor, weight_floor == std::floor(weight_floor) ? 0 : 2, lang)));
    if (!scene.extra.empty()) caption += "<BR/>" + html(scene.extra);
    std::set<TieStyle> styles_drawn;
    for (const auto& e : edges) styles_drawn.insert(e.style);
    std::string legend = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">";
    legend += "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"18\">" + html(options.title) + "</FONT></TD></TR>";
    legend += "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"10\">" + caption + "</FONT></TD></TR>";
    legend += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">";
    for (const auto& [label, c] : drawn.legend)
        legend += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\" COLOR=\"" + c + "\">\u25CF</FONT><FONT POINT-SIZE=\"11\"> " +
                  html(label) + "</FONT></TD></TR>";
    for (const auto& [label, style] : scene.tie_legend)
        if (styles_drawn.contains(style))
            legend += "<TR><TD ALIGN=\"LEFT\">" + rule(style) + "<FONT POINT-SIZE=\"11\"> " + html(label) + "</FONT></TD></TR>";
    legend += "</TABLE></TD></TR></TABLE>>";

    // ---- Graphviz -----------------------------------------------------------------------------
    auto [gvc, g] = open_graph("network", options.seed, lang);
    Agraph_t* G = g.get();
    agsafeset(G, S("outputorder"), S("edgesfirst"), S(""));
    agsafeset(G, S("labelloc"), S("t"), S(""));
    agsafeset(G, S("fontname"), S("DejaVu Sans"), S(""));
    agsafeset(G, S("bgcolor"), S("white"), S(""));
    agsafeset(G, S("pad"), S("0.3"), S(""));
    {
        char* label = agstrdup_html(G, S(legend.substr(1, legend.size() - 2)));
        agsafeset(G, S("label"), label, S(""));
        agstrfree(G, label);
    }
    agattr(G, AGNODE, S("shape"), S("circle"));
    agattr(G, AGNODE, S("style"), S("filled"));
    agattr(G, AGNODE, S("fixedsize"), S("true"));
    agattr(G, AGNODE, S("fontname"), S("DejaVu Sans"));
    agattr(G, AGNODE, S("fontsize"), S("10"));
    agattr(G, AGNODE, S("color"), S("#444444"));
    agattr(G, AGNODE, S("penwidth"), S("0.5"));
    agattr(G, AGNODE, S("label"), S(""));
    agattr(G, AGNODE, S("xlabel"), S(""));
    agattr(G, AGNODE, S("tooltip"), S(""));
    agattr(G, AGNODE, S("fillcolor"), S(std::string(colour(TypeFamily::Unknown))));
    agattr(G, AGNODE, S("width"), S("0.2"));
    agattr(G, AGEDGE, S("color"), S("#77777780"));
    agattr(G, AGEDGE, S("style"), S("solid"));
    agattr(G, AGEDGE, S("penwidth"), S("1"));
    agattr(G, AGEDGE, S("tooltip"), S(""));
    agsafeset(G, S("forcelabels"), S("true"), S(""));

    // Clusters: one subgraph per distinct label of the kept nodes, in label order.
    std::map<std::string, Agraph_t*> clusters;
    if (!options.cluster.empty()) {
        std::set<std::string> labels;
        for (std::size_t v = 0; v < n; ++v)
            if (keep[v] && v < options.cluster.size() && !options.cluster[v].empty()) labels.insert(options.cluster[v]);
        std::int32_t i = 0;
        for (const auto& label : labels) {
            Agraph_t* sub = agsubg(G, S("cluster_" + std::to_string(i++)), 1);
            agsafeset(sub, S("label"), S(plain(label)), S(""));
            agsafeset(sub, S("style"), S("filled,rounded"), S(""));
            agsafeset(sub, S("fillcolor"), S("#F4F4F4"), S(""));
            agsafeset(sub, S("color"), S("#CCCCCC"), S(""));
            agsafeset(sub, S("fontsize"), S("12"), S(""));
            agsafeset(sub, S("start"), S(std::to_string(options.seed)), S("")); // fdp lays clusters out apart
            clusters[label] = sub;
        }
        drawn.clusters = static_cast<std::int32_t>(clusters.size());
    }

    std::vector<Agnode_t*> node(n, nullptr);
    for (std::size_t v = 0; v < n; ++v) { // in node order: deterministic
        if (!keep[v]) continue;
        Agraph_t* home = G;
        if (v < options.cluster.size() && clusters.contains(options.cluster[v])) home = clusters[options.cluster[v]];
        Agnode_t* a = agnode(home, S("n" + std::to_string(v)), 1);
        node[v] = a;
        const std::string name = plain(v < options.names.size() ? options.names[v] : std::string());
        const double share = max_betweenness > 0 ? std::sqrt(centrality.betweenness[v] / max_betweenness) : 0.0;
        agset(a, S("width"), S(number(0.15 + 0.85 * share)));
        agset(a, S("tooltip"), S(type_name[v].empty() ? name : name + " — " + plain(type_name[v])));
        agset(a, S("fillcolor"), S(std::string(colour(family[v]))));
        if (labelled[v]) agset(a, S("xlabel"), S(name));
        const Presence presence = comparing ? scene.node_presence[v] : Presence::Persistent;
        if (presence == Presence::Faded) { // came only to the earlier edition: hollow, dashed outline
            agset(a, S("fillcolor"), S("#FFFFFF"));
            agset(a, S("color"), S(std::string(colour(family[v]))));
            agset(a, S("style"), S("filled,dashed"));
            agset(a, S("penwidth"), S("2"));
        } else if (presence == Presence::New) { // newcomer: thick black outline
            agset(a, S("color"), S("#000000"));
            agset(a, S("penwidth"), S("3"));
        } else if (!comparing && cut[v]) {
            agset(a, S("color"), S("#000000"));
            agset(a, S("penwidth"), S("2"));
        }
    }
    for (const auto& e : edges) { // sorted by (source, target)
        Agedge_t* x = agedge(G, node[static_cast<std::size_t>(e.source)], node[static_cast<std::size_t>(e.target)], nullptr, 1);
        const auto [c, st] = look(e.style);
        double width = max_weight > 0 ? 0.5 + 4.5 * e.weight / max_weight : 1.0;
        if (e.style == TieStyle::New) width += 0.5;
        agset(x, S("penwidth"), S(number(width)));
        agset(x, S("weight"), S(number(e.weight)));
        agset(x, S("color"), S(c));
        agset(x, S("style"), S(st));
    }

    const char* engine = options.layout == Layout::Neato ? "neato" : options.layout == Layout::Fdp ? "fdp" : "sfdp";
    if (gvLayout(gvc.get(), G, engine) != 0) fail(lang);
    const char* renderer = format == Format::Svg ? "svg" : format == Format::Png ? "png" : format == Format::Pdf ? "pdf" : "dot";
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc.get(), G, renderer, &data, &length);
    std::string bytes;
    if (rc == 0 && data != nullptr) bytes.assign(data, length);
    if (data != nullptr) gvFreeRenderData(data);
    gvFreeLayout(gvc.get(), G);
    if (rc != 0 || bytes.empty()) fail(lang);
    graphviz_errors().clear();

    drawn.nodes = kept_nodes;
    drawn.edges = static_cast<std::int32_t>(edges.size());
    drawn.pruned = pruned;
    if (summary != nullptr) *summary = std::move(drawn);
    return bytes;
}

/// The ties of a graph, a complete graph expanded.
std::vector<graph::Edge> ties_of(const graph::Graph& g) {
    if (!g.complete) return g.edges;
    std::vector<graph::Edge> out;
    for (std::int32_t a = 0; a < g.node_count; ++a)
        for (std::int32_t b = a + 1; b < g.node_count; ++b) out.push_back({a, b, 1.0});
    return out;
}

TieStyle style_of(graph::TieLevel level) {
    switch (level) {
    case graph::TieLevel::Connaissance: return TieStyle::Connaissance;
    case graph::TieLevel::Interconnaissance: return TieStyle::Interconnaissance;
    case graph::TieLevel::Reconnaissance: return TieStyle::Reconnaissance;
    }
    return TieStyle::Interconnaissance;
}

std::vector<std::pair<std::string, TieStyle>> level_legend(core::Lang lang) {
    return {{std::string(core::message(Msg::DiagramTieReconnaissance, lang)), TieStyle::Reconnaissance},
            {std::string(core::message(Msg::DiagramTieInterconnaissance, lang)), TieStyle::Interconnaissance},
            {std::string(core::message(Msg::DiagramTieConnaissance, lang)), TieStyle::Connaissance}};
}

} // namespace

std::string draw_network(const graph::Network& network, const model::Project& project, Format format,
                         const DiagramOptions& options, DiagramSummary* summary) {
    Scene scene;
    scene.network = &network;
    for (const auto& e : ties_of(network.graph)) {
        const auto deeper = options.deeper.find({e.source, e.target});
        const auto level = deeper == options.deeper.end() ? network.level : deeper->second;
        scene.edges.push_back({e.source, e.target, e.weight, style_of(level)});
    }
    scene.tie_legend = level_legend(options.lang);
    scene.encoding = std::string(core::message(Msg::DiagramEncoding, options.lang));
    return draw(std::move(scene), project, format, options, summary);
}

DiffNetwork diff_networks(const graph::Network& before, const graph::Network& after) {
    DiffNetwork diff;
    graph::Network& u = diff.network;
    u.scope = after.scope;
    u.level = after.level;
    u.editions = before.editions;
    u.editions.insert(u.editions.end(), after.editions.begin(), after.editions.end());
    // nodes: the union by model id, in id order; what a node stands for from the later network
    std::map<model::Id, std::pair<std::int32_t, std::int32_t>> where; // id → (index before, index after), -1 absent
    for (std::size_t v = 0; v < before.nodes.size(); ++v) where[before.nodes[v]] = {static_cast<std::int32_t>(v), -1};
    for (std::size_t v = 0; v < after.nodes.size(); ++v) {
        auto [it, inserted] = where.try_emplace(after.nodes[v], -1, static_cast<std::int32_t>(v));
        if (!inserted) it->second.second = static_cast<std::int32_t>(v);
    }
    std::vector<std::int32_t> from_before(before.nodes.size()), from_after(after.nodes.size());
    for (const auto& [id, at] : where) {
        const auto index = static_cast<std::int32_t>(u.nodes.size());
        u.nodes.push_back(id);
        const bool in_after = at.second >= 0;
        const auto& source = in_after ? after : before;
        const auto i = static_cast<std::size_t>(in_after ? at.second : at.first);
        u.organisation.push_back(source.organisation[i]);
        u.territory.push_back(source.territory[i]);
        if (at.first >= 0) from_before[static_cast<std::size_t>(at.first)] = index;
        if (in_after) from_after[static_cast<std::size_t>(at.second)] = index;
        diff.node_presence.push_back(at.first < 0 ? Presence::New : !in_after ? Presence::Faded : Presence::Persistent);
    }
    u.graph.node_count = static_cast<std::int32_t>(u.nodes.size());
    // ties: (a, b) → (weight before, weight after)
    std::map<std::pair<std::int32_t, std::int32_t>, std::pair<double, double>> ties;
    for (const auto& e : ties_of(before.graph)) {
        auto a = from_before[static_cast<std::size_t>(e.source)], b = from_before[static_cast<std::size_t>(e.target)];
        ties[{std::min(a, b), std::max(a, b)}].first = e.weight;
    }
    for (const auto& e : ties_of(after.graph)) {
        auto a = from_after[static_cast<std::size_t>(e.source)], b = from_after[static_cast<std::size_t>(e.target)];
        ties[{std::min(a, b), std::max(a, b)}].second = e.weight;
    }
    for (const auto& [ab, w] : ties) {
        u.graph.edges.push_back({ab.first, ab.second, w.second > 0 ? w.second : w.first});
        diff.edge_presence.push_back(w.first <= 0 ? Presence::New : w.second <= 0 ? Presence::Faded : Presence::Persistent);
    }
    return diff;
}

std::string draw_diff(const DiffNetwork& diff, const model::Project& project, Format format, const DiagramOptions& options,
                      DiagramSummary* summary) {
    const core::Lang lang = options.lang;
    Scene scene;
    scene.network = &diff.network;
    scene.node_presence = diff.node_presence;
    std::int64_t created = 0, persistent = 0, faded = 0;
    for (std::size_t i = 0; i < diff.network.graph.edges.size(); ++i) {
        const auto& e = diff.network.graph.edges[i];
        const Presence p = diff.edge_presence[i];
        (p == Presence::New ? created : p == Presence::Faded ? faded : persistent) += 1;
        scene.edges.push_back({e.source, e.target, e.weight,
                               p == Presence::New ? TieStyle::New : p == Presence::Faded ? TieStyle::Faded : TieStyle::Persistent});
    }
    scene.tie_legend = {{std::string(core::message(Msg::DiagramTieNew, lang)), TieStyle::New},
                        {std::string(core::message(Msg::DiagramTiePersistent, lang)), TieStyle::Persistent},
                        {std::string(core::message(Msg::DiagramTieFaded, lang)), TieStyle::Faded}};
    scene.encoding = core::tr(lang, Msg::DiagramEncodingDiff, diff.before_year, diff.after_year);
    scene.extra = core::tr(lang, Msg::DiagramDiffCounts, created, persistent, faded);
    return draw(std::move(scene), project, format, options, summary);
}

} // namespace maillage::render
