// GEXF and GraphML go through libxml2's xmlTextWriter (Debian's libxml2-dev): escaping of
// attribute values and text, and well-formedness, are a maintained library's job, not ours.
// CSV records go through core::csv_record (RFC 4180); JSON through nlohmann/json.
#include "maillage/exchange/formats.hpp"

#include "maillage/metrics/node_columns.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include <fmt/format.h>
#include <libxml/xmlwriter.h>

#include "maillage/core/text.hpp"
#include <nlohmann/json.hpp>

#include "maillage/core/error.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/graph/network.hpp"

namespace maillage::exchange {

namespace {

/// Shortest text that reads back to the same double ("3", "0.125", "1e-07").
std::string num(double x) { return fmt::format("{}", x); }

/// XML 1.0 forbids most control characters even escaped: drop them.
std::string clean(const std::string& s) { return core::strip_controls(s); }

/// An xmlTextWriter into memory; every failed call throws.
class XmlWriter {
public:
    XmlWriter() : m_buffer(xmlBufferCreate()) {
        if (!m_buffer) fail();
        m_writer = xmlNewTextWriterMemory(m_buffer, 0);
        if (!m_writer) fail();
        check(xmlTextWriterSetIndent(m_writer, 1));
        check(xmlTextWriterSetIndentString(m_writer, reinterpret_cast<const xmlChar*>("  ")));
        check(xmlTextWriterStartDocument(m_writer, "1.0", "UTF-8", nullptr));
    }
    ~XmlWriter() {
        if (m_writer) xmlFreeTextWriter(m_writer);
        if (m_buffer) xmlBufferFree(m_buffer);
    }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    void start(const char* name) { check(xmlTextWriterStartElement(m_writer, x(name))); }
    void end() { check(xmlTextWriterEndElement(m_writer)); }
    void attr(const char* name, const std::string& value) {
        const std::string v = clean(value);
        check(xmlTextWriterWriteAttribute(m_writer, x(name), x(v.c_str())));
    }
    void text(const std::string& value) {
        const std::string v = clean(value);
        check(xmlTextWriterWriteString(m_writer, x(v.c_str())));
    }
    void element(const char* name, const std::string& value) {
        start(name);
        text(value);
        end();
    }
    std::string finish() {
        check(xmlTextWriterEndDocument(m_writer));
        xmlFreeTextWriter(m_writer); // flushes into the buffer
        m_writer = nullptr;
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(m_buffer)),
                           static_cast<std::size_t>(xmlBufferLength(m_buffer)));
    }

private:
    static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
    static void check(int rc) {
        if (rc < 0) fail();
    }
    [[noreturn]] static void fail() { throw Error("libxml2: cannot write XML"); }
    xmlBufferPtr m_buffer = nullptr;
    xmlTextWriterPtr m_writer = nullptr;
};

/// One attribute column of nodes or edges: its key, its type in each format, its value.
struct Column {
    const char* key;
    enum Kind { Text, Integer, Real } kind;
    std::function<std::string(std::size_t)> value; ///< "" with Real/Integer: no value
};

std::vector<Column> node_columns(const Export& d) {
    auto& n = d.nodes;
    std::vector<Column> columns = {
        {"type", Column::Text, [&n](std::size_t v) { return n[v].type; }},
        {"type_label", Column::Text, [&n](std::size_t v) { return n[v].type_label; }},
        {"family", Column::Text, [&n](std::size_t v) { return n[v].family; }},
        {"family_label", Column::Text, [&n](std::size_t v) { return n[v].family_label; }},
        {"colour", Column::Text, [&n](std::size_t v) { return n[v].colour; }},
        {"organisation", Column::Text, [&n](std::size_t v) { return n[v].organisation; }},
        {"territory", Column::Text, [&n](std::size_t v) { return n[v].territory; }},
        {"commune", Column::Text, [&n](std::size_t v) { return n[v].commune; }},
        {"degree", Column::Integer, [&n](std::size_t v) { return std::to_string(n[v].degree); }},
        {"strength", Column::Real, [&n](std::size_t v) { return num(n[v].strength); }},
        {"betweenness", Column::Real, [&n](std::size_t v) { return num(n[v].betweenness); }},
        {"community", Column::Integer, [&n](std::size_t v) { return std::to_string(n[v].community); }},
        {"coreness", Column::Integer, [&n](std::size_t v) { return std::to_string(n[v].coreness); }},
        {"internal_weight", Column::Real, [&n](std::size_t v) { return num(n[v].internal_weight); }},
        {"people", Column::Integer, [&n](std::size_t v) { return std::to_string(n[v].people); }},
        {"editions", Column::Integer, [&n](std::size_t v) { return std::to_string(n[v].years.size()); }},
        {"first_year", Column::Integer, [&n](std::size_t v) { return n[v].years.empty() ? std::string() : std::to_string(n[v].years.front()); }},
        {"last_year", Column::Integer, [&n](std::size_t v) { return n[v].years.empty() ? std::string() : std::to_string(n[v].years.back()); }},
    };
    // The figures declared since (metrics::node_columns), after the ones nodes always had.
    auto at = columns.begin() + 14; // after internal_weight
    for (const auto i : added_figures()) {
        const auto& declared = metrics::node_columns()[i];
        const bool count = declared.kind == metrics::NodeColumnKind::Count;
        at = columns.insert(at, Column{declared.key.data(), count ? Column::Integer : Column::Real, [&n, i, count](std::size_t v) {
                                           const double x = i < n[v].figures.size() ? n[v].figures[i] : std::nan("");
                                           if (std::isnan(x)) return std::string();
                                           return count ? std::to_string(std::llround(x)) : num(x);
                                       }}) + 1;
    }
    return columns;
}

std::vector<Column> edge_columns(const Export& d) {
    auto& e = d.edges;
    return {
        {"editions", Column::Integer, [&e](std::size_t i) { return std::to_string(e[i].years.size()); }},
        {"first_year", Column::Integer, [&e](std::size_t i) { return e[i].years.empty() ? std::string() : std::to_string(e[i].years.front()); }},
        {"last_year", Column::Integer, [&e](std::size_t i) { return e[i].years.empty() ? std::string() : std::to_string(e[i].years.back()); }},
    };
}

struct Rgb {
    int r = 0, g = 0, b = 0;
};
Rgb rgb(const std::string& hex) {
    Rgb c;
    if (hex.size() == 7 && hex[0] == '#') {
        c.r = std::stoi(hex.substr(1, 2), nullptr, 16);
        c.g = std::stoi(hex.substr(3, 2), nullptr, 16);
        c.b = std::stoi(hex.substr(5, 2), nullptr, 16);
    }
    return c;
}

void write_spells(XmlWriter& w, const std::vector<int>& years) {
    if (years.empty()) return;
    w.start("spells");
    for (const auto& [first, last] : spells_of(years)) {
        w.start("spell");
        w.attr("start", std::to_string(first));
        w.attr("end", std::to_string(last));
        w.end();
    }
    w.end();
}

} // namespace

std::string to_gexf(const Export& d, GexfVersion version) {
    const bool v13 = version == GexfVersion::V1_3;
    const std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
    XmlWriter w;
    w.start("gexf");
    w.attr("xmlns", ns);
    w.attr("xmlns:viz", ns + "/viz");
    w.attr("version", v13 ? "1.3" : "1.2");
    w.start("meta");
    w.element("creator", "maillage");
    w.element("description", d.title);
    w.end();
    w.start("graph");
    w.attr("defaultedgetype", "undirected");
    w.attr("mode", "dynamic");
    w.attr("timeformat", "integer");
    const auto nodes = node_columns(d);
    const auto edges = edge_columns(d);
    auto declare = [&](const char* cls, const std::vector<Column>& columns) {
        w.start("attributes");
        w.attr("class", cls);
        w.attr("mode", "static");
        for (const auto& c : columns) {
            w.start("attribute");
            w.attr("id", c.key);
            w.attr("title", c.key);
            w.attr("type", c.kind == Column::Text ? "string" : c.kind == Column::Integer ? "integer" : "double");
            w.end();
        }
        w.end();
    };
    declare("node", nodes);
    declare("edge", edges);
    auto values = [&](const std::vector<Column>& columns, std::size_t i) {
        w.start("attvalues");
        for (const auto& c : columns) {
            const std::string v = c.value(i);
            if (v.empty() && c.kind != Column::Text) continue;
            w.start("attvalue");
            w.attr("for", c.key);
            w.attr("value", v);
            w.end();
        }
        w.end();
    };
    double max_betweenness = 0;
    for (const auto& n : d.nodes) max_betweenness = std::max(max_betweenness, n.betweenness);
    w.start("nodes");
    w.attr("count", std::to_string(d.nodes.size()));
    for (std::size_t v = 0; v < d.nodes.size(); ++v) {
        const Node& n = d.nodes[v];
        w.start("node");
        w.attr("id", n.id);
        w.attr("label", n.label);
        values(nodes, v);
        write_spells(w, n.years);
        const Rgb c = rgb(n.colour);
        w.start("viz:color");
        w.attr("r", std::to_string(c.r));
        w.attr("g", std::to_string(c.g));
        w.attr("b", std::to_string(c.b));
        w.end();
        if (n.position) {
            w.start("viz:position");
            w.attr("x", num(n.position->x));
            w.attr("y", num(n.position->y));
            w.attr("z", "0");
            w.end();
        }
        w.start("viz:size");
        w.attr("value", num(4 + 26 * (max_betweenness > 0 ? std::sqrt(n.betweenness / max_betweenness) : 0.0)));
        w.end();
        w.end();
    }
    w.end();
    w.start("edges");
    w.attr("count", std::to_string(d.edges.size()));
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const Edge& e = d.edges[i];
        w.start("edge");
        w.attr("id", "e" + std::to_string(i));
        w.attr("source", d.nodes[static_cast<std::size_t>(e.source)].id);
        w.attr("target", d.nodes[static_cast<std::size_t>(e.target)].id);
        w.attr("weight", num(e.weight));
        values(edges, i);
        write_spells(w, e.years);
        w.end();
    }
    w.end();
    w.end(); // graph
    w.end(); // gexf
    return w.finish();
}

std::string to_graphml(const Export& d) {
    XmlWriter w;
    w.start("graphml");
    w.attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
    w.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    w.attr("xsi:schemaLocation",
           "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    const auto nodes = node_columns(d);
    const auto edges = edge_columns(d);
    auto key = [&](const std::string& id, const char* domain, const char* name, const char* type) {
        w.start("key");
        w.attr("id", id);
        w.attr("for", domain);
        w.attr("attr.name", name);
        w.attr("attr.type", type);
        w.end();
    };
    auto type_of = [](Column::Kind k) { return k == Column::Text ? "string" : k == Column::Integer ? "int" : "double"; };
    key("g_scope", "graph", "scope", "string");
    key("g_level", "graph", "level", "string");
    key("g_title", "graph", "title", "string");
    key("g_years", "graph", "years", "string");
    key("n_label", "node", "label", "string");
    for (const auto& c : nodes) key(std::string("n_") + c.key, "node", c.key, type_of(c.kind));
    key("n_years", "node", "years", "string");
    key("n_x", "node", "x", "double");
    key("n_y", "node", "y", "double");
    key("e_weight", "edge", "weight", "double");
    for (const auto& c : edges) key(std::string("e_") + c.key, "edge", c.key, type_of(c.kind));
    key("e_years", "edge", "years", "string");
    auto data = [&](const std::string& k, const std::string& v) {
        w.start("data");
        w.attr("key", k);
        w.text(v);
        w.end();
    };
    w.start("graph");
    w.attr("id", "G");
    w.attr("edgedefault", "undirected");
    data("g_scope", std::string(graph::key(d.scope)));
    data("g_level", std::string(graph::key(d.level)));
    data("g_title", d.title);
    data("g_years", years_text(d.years));
    for (std::size_t v = 0; v < d.nodes.size(); ++v) {
        const Node& n = d.nodes[v];
        w.start("node");
        w.attr("id", n.id);
        data("n_label", n.label);
        for (const auto& c : nodes) {
            const std::string value = c.value(v);
            if (value.empty() && c.kind != Column::Text) continue;
            data(std::string("n_") + c.key, value);
        }
        data("n_years", years_text(n.years));
        if (n.position) {
            data("n_x", num(n.position->x));
            data("n_y", num(n.position->y));
        }
        w.end();
    }
    for (std::size_t i = 0; i < d.edges.size(); ++i) {
        const Edge& e = d.edges[i];
        w.start("edge");
        w.attr("source", d.nodes[static_cast<std::size_t>(e.source)].id);
        w.attr("target", d.nodes[static_cast<std::size_t>(e.target)].id);
        data("e_weight", num(e.weight));
        for (const auto& c : edges) {
            const std::string value = c.value(i);
            if (value.empty() && c.kind != Column::Text) continue;
            data(std::string("e_") + c.key, value);
        }
        data("e_years", years_text(e.years));
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

namespace {

/// One CSV table, a field at a time; each row written by core::csv_record.
class CsvWriter {
public:
    explicit CsvWriter(CsvDialect dialect) : m_excel(dialect == CsvDialect::Excel) {
        if (m_excel) m_out = "\xEF\xBB\xBF";
    }
    void text(std::string s) { m_row.push_back(std::move(s)); }
    void integer(std::int64_t x) { text(std::to_string(x)); }
    void real(double x) {
        std::string s = num(x);
        if (m_excel) std::replace(s.begin(), s.end(), '.', ',');
        text(std::move(s));
    }
    /// The four columns of the years a node or tie is present: editions, first_year,
    /// last_year, years.
    void years(const std::vector<int>& years) {
        integer(static_cast<std::int64_t>(years.size()));
        if (years.empty()) {
            text("");
            text("");
        } else {
            integer(years.front());
            integer(years.back());
        }
        text(years_text(years));
    }
    void row_end() {
        m_out += core::csv_record(m_row, m_excel ? ';' : ',');
        m_row.clear();
    }
    void header(std::initializer_list<const char*> names) {
        add_header(names);
        row_end();
    }
    /// Header cells without ending the row (a header made of parts).
    void add_header(std::initializer_list<const char*> names) {
        for (const char* n : names) text(n);
    }
    void add_header(std::string name) { text(std::move(name)); }
    /// A declared figure (metrics::node_columns): a count without decimals, empty when NaN.
    void figure(double x, metrics::NodeColumnKind kind) {
        if (std::isnan(x)) text("");
        else if (kind == metrics::NodeColumnKind::Count) integer(static_cast<std::int64_t>(std::llround(x)));
        else real(x);
    }
    std::string take() { return std::move(m_out); }

private:
    bool m_excel;
    std::vector<std::string> m_row;
    std::string m_out;
};

} // namespace

CsvTables to_csv(const Export& d, CsvDialect dialect) {
    CsvTables out;
    {
        CsvWriter w(dialect);
        w.add_header({"id", "label", "type", "type_label", "family", "family_label", "colour", "organisation", "territory",
                      "commune", "degree", "strength", "betweenness", "community", "coreness", "internal_weight"});
        for (const auto i : added_figures()) w.add_header(std::string(metrics::node_columns()[i].key));
        w.add_header({"people", "editions", "first_year", "last_year", "years", "x", "y"});
        w.row_end();
        for (const auto& n : d.nodes) {
            w.text(n.id);
            w.text(n.label);
            w.text(n.type);
            w.text(n.type_label);
            w.text(n.family);
            w.text(n.family_label);
            w.text(n.colour);
            w.text(n.organisation);
            w.text(n.territory);
            w.text(n.commune);
            w.integer(n.degree);
            w.real(n.strength);
            w.real(n.betweenness);
            w.integer(n.community);
            w.integer(n.coreness);
            w.real(n.internal_weight);
            for (const auto i : added_figures()) w.figure(i < n.figures.size() ? n.figures[i] : std::nan(""),
                                                          metrics::node_columns()[i].kind);
            w.integer(n.people);
            w.years(n.years);
            if (n.position) {
                w.real(n.position->x);
                w.real(n.position->y);
            } else {
                w.text("");
                w.text("");
            }
            w.row_end();
        }
        out.nodes = w.take();
    }
    {
        CsvWriter w(dialect);
        w.header({"source", "target", "source_label", "target_label", "weight", "level", "editions", "first_year",
                  "last_year", "years"});
        for (const auto& e : d.edges) {
            const Node& a = d.nodes[static_cast<std::size_t>(e.source)];
            const Node& b = d.nodes[static_cast<std::size_t>(e.target)];
            w.text(a.id);
            w.text(b.id);
            w.text(a.label);
            w.text(b.label);
            w.real(e.weight);
            w.text(std::string(graph::key(d.level)));
            w.years(e.years);
            w.row_end();
        }
        out.edges = w.take();
    }
    {
        CsvWriter w(dialect);
        w.header({"territory", "code", "scope", "level", "editions", "first_year", "last_year", "participants",
                  "organisations", "nodes", "ties", "density", "mean_degree", "transitivity", "components",
                  "largest_share", "communities", "modularity"});
        for (const auto& r : d.indicators) {
            w.text(r.name);
            w.text(r.code);
            w.text(std::string(graph::key(d.scope)));
            w.text(std::string(graph::key(d.level)));
            w.integer(r.editions);
            w.integer(r.first_year);
            w.integer(r.last_year);
            w.integer(r.participants);
            w.integer(r.organisations);
            w.integer(r.nodes);
            w.integer(r.ties);
            w.real(r.density);
            w.real(r.mean_degree);
            w.real(r.transitivity);
            w.integer(r.components);
            w.real(r.largest_share);
            w.integer(r.communities);
            w.real(r.modularity);
            w.row_end();
        }
        out.indicators = w.take();
    }
    return out;
}

std::string to_json(const Export& d) {
    using json = nlohmann::ordered_json;
    json doc;
    doc["format"] = "maillage-network";
    doc["version"] = 1;
    doc["scope"] = graph::key(d.scope);
    doc["level"] = graph::key(d.level);
    doc["window"] = {{"territory", d.territory ? json(*d.territory) : json(nullptr)},
                     {"edition", d.edition ? json(*d.edition) : json(nullptr)},
                     {"cumulative", d.cumulative}};
    doc["title"] = d.title;
    doc["positions"] = d.positions == Positions::Layout ? "layout" : "geography";
    doc["years"] = d.years;
    json nodes = json::array();
    for (const auto& n : d.nodes) {
        json o;
        o["id"] = n.id;
        o["label"] = n.label;
        o["type"] = n.type;
        o["type_label"] = n.type_label;
        o["family"] = n.family;
        o["family_label"] = n.family_label;
        o["colour"] = n.colour;
        o["organisation"] = n.organisation;
        o["territory"] = n.territory;
        o["commune"] = n.commune;
        o["degree"] = n.degree;
        o["strength"] = n.strength;
        o["betweenness"] = n.betweenness;
        o["community"] = n.community;
        o["coreness"] = n.coreness;
        o["internal_weight"] = n.internal_weight;
        for (const auto i : added_figures()) {
            const double x = i < n.figures.size() ? n.figures[i] : std::nan("");
            auto& value = o[std::string(metrics::node_columns()[i].key)];
            if (std::isnan(x)) value = nullptr;
            else if (metrics::node_columns()[i].kind == metrics::NodeColumnKind::Count) value = std::llround(x);
            else value = x;
        }
        o["people"] = n.people;
        o["years"] = n.years;
        o["position"] = n.position ? json{{"x", n.position->x}, {"y", n.position->y}} : json(nullptr);
        nodes.push_back(std::move(o));
    }
    doc["nodes"] = std::move(nodes);
    json edges = json::array();
    for (const auto& e : d.edges) {
        edges.push_back({{"source", d.nodes[static_cast<std::size_t>(e.source)].id},
                         {"target", d.nodes[static_cast<std::size_t>(e.target)].id},
                         {"weight", e.weight},
                         {"years", e.years}});
    }
    doc["edges"] = std::move(edges);
    json rows = json::array();
    for (const auto& r : d.indicators) {
        rows.push_back({{"territory", r.territory == model::no_id ? json(nullptr) : json(r.name)},
                        {"code", r.code},
                        {"editions", r.editions},
                        {"first_year", r.first_year},
                        {"last_year", r.last_year},
                        {"participants", r.participants},
                        {"organisations", r.organisations},
                        {"nodes", r.nodes},
                        {"ties", r.ties},
                        {"density", r.density},
                        {"mean_degree", r.mean_degree},
                        {"transitivity", r.transitivity},
                        {"components", r.components},
                        {"largest_share", r.largest_share},
                        {"communities", r.communities},
                        {"modularity", r.modularity}});
    }
    doc["indicators"] = std::move(rows);
    return doc.dump(2) + "\n";
}

} // namespace maillage::exchange
