// Network diagrams drawn with Graphviz (cgraph + gvc, in process): node colour by organisation
// type from one colour-blind-safe palette, node size by betweenness, edge width by tie weight,
// a title and a legend, labels for the brokers. Graphviz types stay in src/render/diagram.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"

namespace maillage::render {

enum class Format { Svg, Png, Pdf, Dot };
enum class Layout { Sfdp, Neato, Fdp };

/// The format a file name's extension names (.svg, .png, .pdf, .dot, case ignored); nullopt
/// otherwise. Complexity: constant.
std::optional<Format> format_of(std::string_view path);
/// "sfdp", "neato", "fdp"; nullopt otherwise.
std::optional<Layout> parse_layout(std::string_view text);

struct DiagramOptions {
    /// Per node of the network, what to show (organisation name, person name or pseudonym):
    /// the caller decides what may be shown.
    std::vector<std::string> names;
    std::string title;             ///< e.g. "Hautes-Alpes, édition 2023 — interconnaissance"
    double min_weight = 0;         ///< ties lighter than this are not drawn
    std::int32_t max_nodes = 300;  ///< above: the most strongly tied nodes are kept
    std::int32_t max_edges = 1500; ///< above: the heaviest ties are kept
    std::int32_t labelled_brokers = 10; ///< the top-betweenness nodes that get a visible label
    /// Per node, the cluster it is drawn in (e.g. its territory or community label); empty:
    /// no clusters. Clusters need the fdp layout (sfdp and neato ignore them).
    std::vector<std::string> cluster;
    /// The ties deeper than the network's level, (source, target) → deepest level: a tie is
    /// drawn dotted at connaissance only, solid at interconnaissance, dark at reconnaissance.
    /// Ties not listed are at the network's level.
    std::map<std::pair<std::int32_t, std::int32_t>, graph::TieLevel> deeper;
    Layout layout = Layout::Sfdp;
    std::uint64_t seed = 42;       ///< Graphviz `start`: the same input gives the same drawing
    core::Lang lang = core::Lang::Fr;
};

/// What was drawn, for the caption and the tests.
struct DiagramSummary {
    std::int32_t nodes = 0;
    std::int32_t edges = 0;
    bool pruned = false;
    std::int32_t clusters = 0;
    std::vector<std::pair<std::string, std::string>> legend; ///< (type label, colour)
};

/// How a tie or a node of a comparison stands between two editions.
enum class Presence { Persistent, New, Faded };

/// Two networks of the same scope and level (e.g. a territory's editions YEAR1 and YEAR2) as
/// one: nodes are the union of both (by model id), ties the union, weighted by the later
/// edition's weight (the earlier one's for a faded tie).
struct DiffNetwork {
    graph::Network network;               ///< the union (editions: both windows')
    std::vector<Presence> node_presence;  ///< per node: in both, only later (New), only earlier (Faded)
    std::vector<Presence> edge_presence;  ///< per tie of network.graph.edges
    int before_year = 0; ///< for the caption; set by the caller
    int after_year = 0;
};

/// The union of `before` and `after` (complete graphs are expanded tie by tie). Complexity:
/// O((n + m) log(n + m)).
DiffNetwork diff_networks(const graph::Network& before, const graph::Network& after);

/// Draws a comparison: new ties dark and thick, persistent ties grey, faded ties dashed and
/// light; organisations that came only to the earlier edition hollow, newcomers with a thick
/// outline. Node size by betweenness in the later network. The same pruning, labels and legend
/// rules as draw_network (options.names are per node of diff.network). Throws as draw_network.
std::string draw_diff(const DiffNetwork& diff, const model::Project& project, Format format,
                      const DiagramOptions& options, DiagramSummary* summary = nullptr);

/// Draws a one-mode network. Node types come from project.organisations (seed type of the
/// default taxonomy). Betweenness and articulation points are computed on the whole network
/// (before pruning). When the network has more than max_nodes nodes, the max_nodes with the
/// largest strength are kept (ties: lowest node); when more than max_edges ties remain, the
/// heaviest are kept (ties: (source, target)); the caption says so. Labels are shown for the
/// top brokers and for articulation points; every node carries its name as SVG tooltip.
/// Returns the rendered bytes. Throws maillage::FatalError (DiagramEmpty) for a network without
/// nodes, and when Graphviz fails.
/// Complexity: the metrics (O(n m) betweenness) plus the layout (sfdp: about O(n log n + m)).
std::string draw_network(const graph::Network& network, const model::Project& project, Format format,
                         const DiagramOptions& options, DiagramSummary* summary = nullptr);

} // namespace maillage::render
