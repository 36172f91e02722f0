#include "maillage/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "maillage/advise/invite.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/metrics/brokerage.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/node_columns.hpp"
#include "maillage/metrics/change.hpp"
#include "maillage/metrics/change_chance.hpp"
#include "maillage/metrics/connectivity.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/render/diagram.hpp"
#include "maillage/render/palette.hpp"
#include "maillage/report/charts.hpp"
#include "maillage/report/format.hpp"
#include "maillage/report/sentences.hpp"

namespace maillage::report {

using core::Msg;

namespace {

constexpr graph::TieLevel levels[] = {graph::TieLevel::Connaissance, graph::TieLevel::Interconnaissance,
                                      graph::TieLevel::Reconnaissance};
constexpr Msg level_names[] = {Msg::ReportLevelConnaissance, Msg::ReportLevelInterconnaissance, Msg::ReportLevelReconnaissance};
// Series colours of the trend charts (Okabe & Ito; the organisation-type palette is for types).
constexpr const char* series_colours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};

// ---- What the report says about one territory ----------------------------------------------

struct TerritoryFacts {
    model::Id territory = model::no_id;
    std::string name;
    std::vector<model::Id> edition_ids;        ///< of the territory, by year, up to the report's year
    std::vector<EditionFigures> editions;      ///< the same order
    std::vector<std::optional<double>> retention;  ///< people: retained / previous (nullopt for the first)
    std::vector<std::int64_t> newcomers;           ///< people new to the territory
    std::vector<std::int64_t> returning;           ///< people back after an absence
    std::vector<std::int64_t> regulars;            ///< people there at the previous edition too
    std::optional<metrics::EditionChange> change;  ///< into the last edition (interconnaissance)
    /// The measures that move (metrics/change_chance.hpp), per edition as `editions`
    std::vector<std::array<double, metrics::change_measure_count>> moving;
    /// Into the last edition, judged against the reshuffles (nullopt for a first edition)
    std::optional<metrics::ChanceChange> chance;
    std::optional<model::CalendarDate> date;       ///< of the last edition (its plenary, else its first session)
    graph::Network network;                        ///< organisations, interconnaissance, last edition
    metrics::NodeCentralities centralities;
    std::vector<metrics::CutPoint> cut_points;
    /// pairs of type families (render::type_families indices) of `network` that hang on one or
    /// two organisations (metrics::hangs_on_few), weakest first
    std::vector<metrics::GroupPairConnectivity> weak_links;
    advise::InviteResult invite;
    std::vector<advise::PersonInvitation> people_invite;
    [[nodiscard]] const EditionFigures& last() const { return editions.back(); }
    [[nodiscard]] std::optional<EditionFigures> before() const {
        return editions.size() >= 2 ? std::optional<EditionFigures>(editions[editions.size() - 2]) : std::nullopt;
    }
};

struct Ctx {
    const model::Project& project;
    const graph::ProjectIndex& index; ///< of `project`, for the many per-edition networks
    const model::Taxonomy& taxonomy;
    const advise::Geography& geography;
    const ReportOptions& options;
    core::Lang lang;
    std::int32_t figures = 0;
    std::int32_t sections = 0;
    /// Per organisation, its name as the organisation writes it (shown_names)
    std::vector<std::string> names;
    /// core::fold of each commune's name → its name, for proper_case (made when first needed)
    mutable std::optional<std::map<std::string, std::string>> places;
    std::vector<std::string> map_notes; ///< the maps' own notes, for the appendix

    [[nodiscard]] std::string text(Msg key) const { return std::string(core::message(key, lang)); }
    [[nodiscard]] std::string organisation(model::Id o) const {
        return o == model::no_id ? text(Msg::WordUnknown) : names[static_cast<std::size_t>(o)];
    }
    /// An invitation's organisation as it writes its name.
    template <typename Candidate>
    [[nodiscard]] std::string candidate(const Candidate& c) const {
        return c.organisation != model::no_id ? organisation(c.organisation) : shown(c.name);
    }
    /// A name from elsewhere (advise's candidates, the registry) as an organisation writes it.
    [[nodiscard]] std::string shown(const std::string& name) const {
        if (!is_shouting(name)) return name;
        if (!places) {
            places.emplace();
            for (const auto& c : geography.communes) places->emplace(core::fold(c.name), c.name);
        }
        return proper_case(name, *places);
    }
    [[nodiscard]] std::string type_label(const std::string& key) const { return advise::type_label(taxonomy, key, lang); }
    [[nodiscard]] std::string count(double x) const { return format_number(x, 0, lang); }
    [[nodiscard]] std::string percent(double x) const { return format_percent(x, 0, lang); }
};

std::vector<model::Id> editions_of(const model::Project& project, model::Id territory) {
    std::vector<model::Id> out;
    for (std::size_t e = 0; e < project.editions.size(); ++e)
        if (project.editions[e].territory == territory) out.push_back(static_cast<model::Id>(e));
    std::stable_sort(out.begin(), out.end(), [&](model::Id a, model::Id b) {
        return project.editions[static_cast<std::size_t>(a)].year < project.editions[static_cast<std::size_t>(b)].year;
    });
    return out;
}

std::optional<model::CalendarDate> edition_date(const model::Project& project, model::Id edition) {
    std::optional<model::CalendarDate> plenary, first;
    for (const auto& s : project.sessions) {
        if (s.edition != edition || !s.date) continue;
        if (s.kind == model::SessionKind::Plenary && (!plenary || *s.date < *plenary)) plenary = s.date;
        if (!first || *s.date < *first) first = s.date;
    }
    return plenary ? plenary : first;
}

EditionFigures edition_figures(const model::Project& project, const graph::ProjectIndex& index, model::Id territory,
                               int year) {
    EditionFigures f;
    f.year = year;
    for (std::size_t l = 0; l < 3; ++l) {
        graph::Window w;
        w.territory = territory;
        w.year = year;
        // connaissance within one edition is a clique: its density says something only as a
        // memory of every edition so far
        w.cumulative = levels[l] == graph::TieLevel::Connaissance;
        const auto net = graph::build_network(project, index, graph::Scope::Organisations, levels[l], w);
        const auto s = metrics::graph_structure(net.graph);
        f.density[l] = s.density;
        f.ties[l] = s.ties;
        if (levels[l] == graph::TieLevel::Interconnaissance) {
            const auto c = metrics::network_counts(net, project);
            f.organisations = c.organisations;
            f.types = c.types;
            f.people = c.people;
        }
    }
    return f;
}

/// The pairs of type families of an organisation network that one or two organisations alone
/// hold together (docs/metrics.md, "Group connectivity"); organisations of unknown type are in
/// no family but stay in the network.
std::vector<metrics::GroupPairConnectivity> weak_family_links(const model::Project& project, const graph::Network& net) {
    constexpr auto families = std::size(render::type_families) - 1; // without Unknown, the last
    std::vector<std::int32_t> group(net.nodes.size(), -1);
    for (std::size_t v = 0; v < net.nodes.size(); ++v) {
        const auto o = net.organisation[v];
        if (o == model::no_id) continue;
        const auto f = render::family_of(project.organisations[static_cast<std::size_t>(o)].type);
        const auto at = static_cast<std::size_t>(std::find(std::begin(render::type_families), std::end(render::type_families), f) -
                                                 std::begin(render::type_families));
        if (at < families) group[v] = static_cast<std::int32_t>(at);
    }
    auto pairs = metrics::pairwise_group_connectivity(net.graph, group, static_cast<std::int32_t>(families));
    std::erase_if(pairs, [](const metrics::GroupPairConnectivity& p) { return !metrics::hangs_on_few(p); });
    return pairs;
}

TerritoryFacts collect(const Ctx& ctx, model::Id territory, bool detailed) {
    const auto& project = ctx.project;
    TerritoryFacts t;
    t.territory = territory;
    t.name = project.territories[static_cast<std::size_t>(territory)].name;
    t.edition_ids = editions_of(project, territory);
    graph::Window all;
    all.territory = territory;
    // what the report shows of each transition: presence, and the organisations' ties (their
    // brokers come from the brokerage section's own figures)
    metrics::ChangeOptions change_options;
    change_options.brokers = 0;
    change_options.people_tie_lists = false;
    const auto changes = metrics::edition_changes(project, graph::TieLevel::Interconnaissance, all, change_options);
    for (auto e : t.edition_ids) {
        const int year = project.editions[static_cast<std::size_t>(e)].year;
        t.editions.push_back(edition_figures(project, ctx.index, territory, year));
        const auto c = std::find_if(changes.begin(), changes.end(), [e](const metrics::EditionChange& x) { return x.current == e; });
        if (c == changes.end()) {
            t.retention.emplace_back();
            t.newcomers.push_back(t.editions.back().people);
            t.returning.push_back(0);
            t.regulars.push_back(0);
        } else {
            t.retention.emplace_back(c->people.presence.retention);
            t.newcomers.push_back(c->people.presence.newcomers);
            t.returning.push_back(c->people.presence.returning);
            t.regulars.push_back(c->people.presence.retained);
        }
        if (e == t.edition_ids.back() && c != changes.end()) t.change = *c;
    }
    // the measures that move: each edition's own, and the last change against chance
    std::optional<metrics::EditionIncidence> previous;
    for (auto e : t.edition_ids) {
        auto incidence = metrics::edition_incidence(project, ctx.index, e);
        t.moving.push_back(metrics::edition_measures(incidence, previous ? &*previous : nullptr));
        if (e == t.edition_ids.back() && previous) {
            metrics::MixingOptions mo;
            mo.reshuffles = ctx.options.reshuffles;
            mo.seed = ctx.options.seed;
            t.chance = metrics::change_against_chance(*previous, incidence, mo);
            t.chance->territory = territory;
        }
        previous = std::move(incidence);
    }
    const model::Id last = t.edition_ids.back();
    t.date = edition_date(project, last);
    graph::Window w;
    w.territory = territory;
    w.year = project.editions[static_cast<std::size_t>(last)].year;
    t.network = graph::build_network(project, ctx.index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
    metrics::CentralityOptions co;
    co.seed = ctx.options.seed;
    t.centralities = metrics::node_centralities(t.network.graph, co);
    t.cut_points = metrics::articulation_points(t.network.graph);
    t.weak_links = weak_family_links(project, t.network);
    advise::InviteOptions io;
    io.top = ctx.options.invitations;
    io.reshuffles = ctx.options.reshuffles;
    io.seed = ctx.options.seed;
    io.draws = ctx.options.draws;
    t.invite = advise::invite(project, territory, ctx.taxonomy, ctx.geography, io);
    if (detailed) t.people_invite = advise::invite_people(project, territory, ctx.taxonomy, 8);
    return t;
}

// ---- HTML pieces ----------------------------------------------------------------------------

std::string paragraph(const std::string& s) { return "<p>" + escape(s) + "</p>\n"; }

std::string figure(Ctx& ctx, const std::string& svg, const std::string& caption) {
    ++ctx.figures;
    return "<figure>\n" + svg + "\n<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n";
}

/// Text and the figure it introduces, kept on one printed page (break-inside: avoid).
std::string keep(const std::string& html) { return "<div class=\"keep\">\n" + html + "</div>\n"; }

struct Table {
    std::vector<std::string> head;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
};

std::string table(const Table& t, const std::string& cls = "") {
    std::string out = "<table" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + "><thead><tr>";
    for (std::size_t c = 0; c < t.head.size(); ++c)
        out += std::string(c < t.numeric.size() && t.numeric[c] ? "<th class=\"num\">" : "<th>") + escape(t.head[c]) + "</th>";
    out += "</tr></thead><tbody>\n";
    for (const auto& r : t.rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < r.size(); ++c)
            out += std::string(c < t.numeric.size() && t.numeric[c] ? "<td class=\"num\">" : "<td>") + escape(r[c]) + "</td>";
        out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string section(Ctx& ctx, const std::string& id, Msg title, Msg question, const std::string& body) {
    ++ctx.sections;
    // the heading and its question form one block that never ends a page
    return fmt::format("<section id=\"{}\">\n<div class=\"head\">\n<h2>{}. {}</h2>\n<p class=\"question\">{}</p>\n</div>\n{}</section>\n", id, ctx.sections,
                       escape(ctx.text(title)), escape(ctx.text(question)), body);
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "<ul>\n";
    for (const auto& i : items) out += "<li>" + escape(i) + "</li>\n";
    return out + "</ul>\n";
}

std::function<std::string(double)> counts_format(const Ctx& ctx) {
    const auto lang = ctx.lang;
    return [lang](double v) { return format_number(v, 0, lang); };
}
std::function<std::string(double)> percent_format(const Ctx& ctx) {
    const auto lang = ctx.lang;
    return [lang](double v) { return format_percent(v, 0, lang); };
}
std::function<std::string(double)> decimal_format(const Ctx& ctx, int digits) {
    const auto lang = ctx.lang;
    return [lang, digits](double v) { return format_number(v, digits, lang); };
}

std::vector<std::string> years_of(const TerritoryFacts& t) {
    std::vector<std::string> out;
    for (const auto& e : t.editions) out.push_back(std::to_string(e.year));
    return out;
}

/// The years of x labels as positions on a true time axis.
std::vector<double> year_axis(const std::vector<std::string>& years) {
    std::vector<double> out;
    for (const auto& y : years) out.push_back(std::stod(y));
    return out;
}

std::string edition_heading(const Ctx& ctx, const TerritoryFacts& t) {
    std::string s = core::tr(ctx.lang, Msg::ReportEditionOf, t.name, t.last().year);
    if (t.date) s += core::tr(ctx.lang, Msg::ReportHeldOn, format_date(*t.date, ctx.lang));
    return s;
}

// ---- Section 1: summary --------------------------------------------------------------------

std::size_t at(metrics::ChangeMeasure m) { return static_cast<std::size_t>(m); }

/// The measures that move, in sentences: each lead measure's change into the last edition with
/// its margin of chance, then connaissance (not testable); at a first edition, their values.
std::vector<std::string> moving_sentences(const Ctx& ctx, const TerritoryFacts& t) {
    std::vector<std::string> out;
    const int year = t.last().year;
    for (const auto& m : metrics::change_measures()) {
        const bool said = m.lead || m.measure == metrics::ChangeMeasure::PartnersConnaissance;
        if (!said) continue; // interconnaissance density: in the table, never narrated
        if (t.chance)
            out.push_back(change_sentence(t.chance->at(m.measure), t.editions[t.editions.size() - 2].year, year, ctx.lang));
        else if (m.lead && !m.transition)
            out.push_back(first_edition_sentence(m.measure, t.moving.back()[at(m.measure)], year, ctx.lang));
    }
    return out;
}

std::string summary_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    const auto before = t.before();
    std::string body = paragraph(summary_sentences(t.name, t.last(), before, lang));
    body += list(moving_sentences(ctx, t));
    if (t.chance) body += paragraph(ctx.text(Msg::ChangeExplained));
    body += paragraph(ctx.text(Msg::ReportDensityExplained));
    Table tab{{ctx.text(Msg::ReportHeadFigure), before ? std::to_string(before->year) : std::string(),
               std::to_string(t.last().year), ctx.text(Msg::ReportHeadChange), ctx.text(Msg::ReportHeadChance)},
              {false, true, true, true, true},
              {}};
    if (!before) tab.head = {ctx.text(Msg::ReportHeadFigure), std::to_string(t.last().year)}, tab.numeric = {false, true};
    // counts as whole numbers; densities (shares of the pairs) as percentages, changed in points
    auto row = [&](const std::string& label, double now, std::optional<double> then, bool share, const std::string& chance = {}) {
        auto value = [&](double v) { return share ? format_percent(v, 0, lang) : format_number(v, 0, lang); };
        std::vector<std::string> r{label};
        if (before) r.push_back(then ? value(*then) : std::string("—"));
        r.push_back(value(now));
        if (before) {
            r.push_back(!then ? std::string() : share ? format_point_change(now - *then, 0, lang) : format_change(now - *then, 0, lang));
            r.push_back(chance);
        }
        tab.rows.push_back(std::move(r));
    };
    auto opt = [&](auto f) { return before ? std::optional<double>(static_cast<double>(f(*before))) : std::nullopt; };
    row(ctx.text(Msg::ReportParticipants), static_cast<double>(t.last().people), opt([](const EditionFigures& e) { return e.people; }), false);
    row(ctx.text(Msg::ReportOrganisations), static_cast<double>(t.last().organisations),
        opt([](const EditionFigures& e) { return e.organisations; }), false);
    row(ctx.text(Msg::ReportTypes), static_cast<double>(t.last().types), opt([](const EditionFigures& e) { return e.types; }), false);
    // the measures that move, with their margin of chance; reconnaissance density is the first
    for (const auto& m : metrics::change_measures()) {
        if (!m.lead || (m.transition && !t.chance)) continue;
        const double now = t.moving.back()[at(m.measure)];
        std::vector<std::string> r{std::string(m.short_label(lang))};
        if (!t.chance) {
            r.push_back(measure_value(m.measure, now, lang));
            tab.rows.push_back(std::move(r));
            continue;
        }
        const auto& c = t.chance->at(m.measure);
        r.push_back(m.transition ? std::string("—") : measure_value(m.measure, c.before, lang));
        r.push_back(measure_value(m.measure, c.after, lang));
        r.push_back(m.transition ? std::string()
                    : m.kind == metrics::MeasureKind::Share ? format_point_change(c.difference, 0, lang)
                                                            : format_change(c.difference, 1, lang));
        r.push_back(chance_interval(c, lang));
        tab.rows.push_back(std::move(r));
    }
    // the densities stay available: connaissance (cumulated) and interconnaissance
    const std::string not_testable(core::message(Msg::ChangeVerdictNotTestableShort, lang));
    row(ctx.text(level_names[0]), t.last().density[0], before ? std::optional<double>(before->density[0]) : std::nullopt, true,
        not_testable);
    row(ctx.text(level_names[1]), t.last().density[1], before ? std::optional<double>(before->density[1]) : std::nullopt, true,
        t.chance ? chance_interval(t.chance->at(metrics::ChangeMeasure::InterconnaissanceDensity), lang) : std::string());
    body += table(tab);

    // the two shares that move, this edition beside the previous one
    const metrics::ChangeMeasure shares[] = {metrics::ChangeMeasure::ReconnaissanceShare, metrics::ChangeMeasure::TypePairsShare};
    BarChart chart;
    chart.title = ctx.text(Msg::ReportFigMoving);
    chart.format = percent_format(ctx);
    if (before) {
        // previous and current as separate rows would double the labels: show them as pairs
        Series prev{std::to_string(before->year), "#BBBBBB", {}}, now{std::to_string(t.last().year), "#0072B2", {}};
        for (auto m : shares) {
            const std::string label(metrics::info(m).short_label(lang));
            chart.labels.push_back(label + " " + std::to_string(before->year));
            chart.labels.push_back(label + " " + std::to_string(t.last().year));
            prev.values.emplace_back(t.moving[t.moving.size() - 2][at(m)]);
            prev.values.emplace_back();
            now.values.emplace_back();
            now.values.emplace_back(t.moving.back()[at(m)]);
        }
        chart.segments = {prev, now};
    } else {
        Series now{std::to_string(t.last().year), "#0072B2", {}};
        for (auto m : shares) {
            chart.labels.emplace_back(metrics::info(m).short_label(lang));
            now.values.emplace_back(t.moving.back()[at(m)]);
        }
        chart.segments = {now};
    }
    body += figure(ctx, bar_chart(chart), chart.title);
    return section(ctx, "resume", Msg::ReportSecSummary, Msg::ReportQSummary, body);
}

// ---- Section 2: trends ---------------------------------------------------------------------

std::string trends_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    std::vector<int> years;
    std::vector<double> people, orgs;
    for (const auto& e : t.editions) {
        years.push_back(e.year);
        people.push_back(static_cast<double>(e.people));
        orgs.push_back(static_cast<double>(e.organisations));
    }
    std::string body;
    // what can move leads (docs/metrics.md, "Measures that move"): the shares of pairs that
    // worked together, edition after edition, and the last change against chance
    {
        using metrics::ChangeMeasure;
        LineChart moving;
        moving.title = ctx.text(Msg::ReportFigMovingTrend);
        moving.x_labels = years_of(t);
        moving.x = year_axis(moving.x_labels);
        moving.format = percent_format(ctx);
        moving.y_max = 1;
        std::vector<double> share;
        for (auto [m, colour] : {std::pair(ChangeMeasure::ReconnaissanceShare, series_colours[2]),
                                 std::pair(ChangeMeasure::TypePairsShare, series_colours[3])}) {
            Series s{std::string(metrics::info(m).short_label(lang)), colour, {}};
            for (const auto& v : t.moving) s.values.emplace_back(v[at(m)]);
            moving.series.push_back(std::move(s));
        }
        for (const auto& v : t.moving) share.push_back(v[at(ChangeMeasure::ReconnaissanceShare)]);
        std::string lead = paragraph(trend_sentence(std::string(metrics::info(ChangeMeasure::ReconnaissanceShare).phrase(lang)), years,
                                                    share, true, lang));
        if (t.chance)
            lead += paragraph(change_sentence(t.chance->at(ChangeMeasure::ReconnaissanceShare), years[years.size() - 2], years.back(), lang));
        body += keep(lead + figure(ctx, line_chart(moving), moving.title));
    }
    std::string lead = paragraph(trend_sentence(ctx.text(Msg::ReportParticipantsLower), years, people, false, lang));
    lead += paragraph(trend_sentence(ctx.text(Msg::ReportOrganisationsLower), years, orgs, false, lang));
    LineChart who;
    who.title = ctx.text(Msg::ReportFigParticipants);
    who.x_labels = years_of(t);
    who.x = year_axis(who.x_labels);
    who.format = counts_format(ctx);
    Series sp{ctx.text(Msg::ReportParticipants), series_colours[0], {}}, so{ctx.text(Msg::ReportOrganisations), series_colours[1], {}};
    for (std::size_t i = 0; i < years.size(); ++i) {
        sp.values.emplace_back(people[i]);
        so.values.emplace_back(orgs[i]);
    }
    who.series = {sp, so};
    body += keep(lead + figure(ctx, line_chart(who), who.title));

    LineChart dens;
    dens.title = ctx.text(Msg::ReportFigDensity);
    dens.x_labels = who.x_labels;
    dens.x = who.x;
    dens.format = percent_format(ctx);
    dens.y_max = 1;
    for (std::size_t l = 0; l < 3; ++l) {
        Series s{ctx.text(level_names[l]), series_colours[l], {}};
        s.dashed = l == 0;
        for (const auto& e : t.editions) s.values.emplace_back(e.density[l]);
        dens.series.push_back(s);
    }
    // kept for reference, never narrated: near its ceiling its changes are thousandths
    body += keep(paragraph(ctx.text(Msg::ReportTrendDensity)) + figure(ctx, line_chart(dens), dens.title));

    LineChart ret;
    ret.title = ctx.text(Msg::ReportFigRetention);
    ret.x_labels = who.x_labels;
    ret.x = who.x;
    ret.format = percent_format(ctx);
    ret.y_max = 1;
    Series sr{ctx.text(Msg::ReportRetentionLabel), series_colours[2], t.retention};
    ret.series = {sr};
    std::vector<int> ry;
    std::vector<double> rv;
    for (std::size_t i = 0; i < t.retention.size(); ++i)
        if (t.retention[i]) {
            ry.push_back(years[i]);
            rv.push_back(*t.retention[i]);
        }
    body += keep((rv.empty() ? std::string() : paragraph(trend_sentence(ctx.text(Msg::ReportRetentionLower), ry, rv, true, lang))) +
                 figure(ctx, line_chart(ret), ret.title));

    BarChart nc;
    nc.title = ctx.text(Msg::ReportFigNewcomers);
    nc.format = counts_format(ctx);
    // the regulars first, so that the newcomers and those back after an absence read against them
    Series sg{ctx.text(Msg::ReportRegulars), "#0072B2", {}}, sb{ctx.text(Msg::ReportReturning), series_colours[5], {}},
        sn{ctx.text(Msg::ReportNewcomers), series_colours[4], {}};
    // from the second edition: at the first one everybody is new
    for (std::size_t i = 1; i < years.size(); ++i) {
        nc.labels.push_back(std::to_string(years[i]));
        sg.values.emplace_back(static_cast<double>(t.regulars[i]));
        sb.values.emplace_back(static_cast<double>(t.returning[i]));
        sn.values.emplace_back(static_cast<double>(t.newcomers[i]));
    }
    nc.segments = {sg, sb, sn};
    std::string came;
    if (t.retention.back() && t.editions.size() >= 2) {
        const auto prev = t.retention.size() >= 2 ? t.retention[t.retention.size() - 2] : std::nullopt;
        came = paragraph(retention_sentence(*t.retention.back(), prev, t.editions[t.editions.size() - 2].year, t.last().year,
                                             t.newcomers.back(), t.returning.back(), lang));
    }
    body += nc.labels.empty() ? came : keep(came + figure(ctx, bar_chart(nc), nc.title));
    return section(ctx, "tendances", Msg::ReportSecTrends, Msg::ReportQTrends, body);
}

// ---- Section 3: map, diagram, diff ---------------------------------------------------------

std::string map_slot(Ctx& ctx, model::Id territory, int year) {
    // THE MAP SLOT: the maps come in through options.map (see report.hpp, MapHook).
    std::optional<MapFigure> map;
    if (ctx.options.map) map = ctx.options.map(territory, year);
    if (!map || map->svg.empty()) return "<div class=\"map-slot\">" + paragraph(ctx.text(Msg::ReportNoMap)) + "</div>\n";
    for (const auto& n : map->notes)
        if (std::find(ctx.map_notes.begin(), ctx.map_notes.end(), n) == ctx.map_notes.end()) ctx.map_notes.push_back(n);
    const bool region = territory == model::no_id;
    const std::string caption = ctx.text(Msg::ReportFigMap) + " — " +
                                core::tr(ctx.lang, region ? Msg::ReportMapAboutRegion : Msg::ReportMapAbout, year) + " " +
                                ctx.text(Msg::ReportMapPoints) + " " + ctx.text(Msg::ReportMapHollow);
    std::string out = "<div class=\"map-slot\">" + figure(ctx, inline_svg(map->svg), caption);
    // a territory's map writes each EPCI's rate; the table names them
    if (!region && !map->areas.empty()) {
        Table tab{{ctx.text(Msg::ReportHeadEpci), ctx.text(Msg::ReportHeadMobilisation)}, {false, true}, {}};
        auto areas = map->areas;
        std::stable_sort(areas.begin(), areas.end(), [](const render::AreaValue& a, const render::AreaValue& b) {
            return a.value.value_or(-1) > b.value.value_or(-1);
        });
        for (const auto& a : areas)
            tab.rows.push_back({a.name, a.value ? format_percent(*a.value, 0, ctx.lang) : std::string("—")});
        out += table(tab, "rates");
    }
    return out + "</div>\n";
}

/// A diagram of organisations only (no person is named), with the report's seed. A network
/// near complete (every organisation met nearly every other) is a tangle when drawn whole: only
/// its strongest ties are drawn then, about two per organisation (the caption says so).
render::DiagramOptions diagram_options(const Ctx& ctx, const graph::Network& network, std::string title) {
    render::DiagramOptions o;
    o.lang = ctx.lang;
    o.seed = ctx.options.seed;
    for (auto id : network.nodes) o.names.push_back(ctx.organisation(id));
    o.title = std::move(title);
    const auto n = static_cast<double>(network.graph.node_count);
    const auto ties = static_cast<double>(network.graph.edges.size());
    if (n >= 8 && ties > 0.3 * n * (n - 1) / 2) o.max_edges = static_cast<std::int32_t>(std::max(30.0, 2 * n));
    return o;
}

/// The caption's sentence when only the strongest ties were drawn; empty otherwise.
std::string strongest_ties(const Ctx& ctx, const render::DiagramOptions& o, std::size_t ties) {
    if (ties <= static_cast<std::size_t>(o.max_edges)) return {};
    return core::tr(ctx.lang, Msg::ReportDiagramStrongest, ctx.count(o.max_edges), ctx.count(static_cast<double>(ties)));
}

/// A Graphviz SVG with its internal ids as titles ("network", "n3", "n3--n7": what a screen
/// reader would read and a hover would show) replaced by the diagram's title and the
/// organisations' names. Complexity: linear in the SVG.
std::string named_titles(const std::string& svg, const std::vector<std::string>& names, const std::string& title) {
    auto node_name = [&](const std::string& id) -> std::optional<std::string> {
        if (id.size() < 2 || id[0] != 'n' || id.find_first_not_of("0123456789", 1) != std::string::npos) return std::nullopt;
        const auto v = static_cast<std::size_t>(std::stoul(id.substr(1)));
        return v < names.size() ? std::optional<std::string>(names[v]) : std::nullopt;
    };
    std::string out;
    out.reserve(svg.size());
    std::size_t at = 0;
    bool first = true;
    for (;;) {
        const auto open = svg.find("<title>", at);
        if (open == std::string::npos) break;
        const auto close = svg.find("</title>", open);
        if (close == std::string::npos) break;
        const std::string inner = svg.substr(open + 7, close - open - 7);
        std::string replaced;
        if (first) replaced = escape(title);
        else if (const auto n = node_name(inner)) replaced = escape(*n);
        else if (const auto dash = inner.find("&#45;&#45;"); dash != std::string::npos) {
            const auto a = node_name(inner.substr(0, dash)), b = node_name(inner.substr(dash + 10));
            replaced = a && b ? escape(*a + " — " + *b) : inner;
        } else if (const auto d2 = inner.find("--"); d2 != std::string::npos) {
            const auto a = node_name(inner.substr(0, d2)), b = node_name(inner.substr(d2 + 2));
            replaced = a && b ? escape(*a + " — " + *b) : inner;
        } else replaced = inner;
        first = false;
        out.append(svg, at, open + 7 - at);
        out += replaced;
        at = close;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

std::string tie_name(const Ctx& ctx, const metrics::TieDelta& d) {
    return ctx.organisation(d.a) + " — " + ctx.organisation(d.b);
}

std::string network_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    std::string body = map_slot(ctx, t.territory, t.last().year);
    if (t.network.graph.node_count > 0) {
        const auto o = diagram_options(ctx, t.network, core::tr(lang, Msg::ReportDiagramTitle, t.name, t.last().year));
        render::DiagramSummary drawn;
        const std::string svg = render::draw_network(t.network, ctx.project, render::Format::Svg, o, &drawn);
        body += paragraph(core::tr(lang, Msg::ReportDiagramText, ctx.count(static_cast<double>(t.network.graph.node_count)),
                                   ctx.count(static_cast<double>(t.network.graph.edge_count()))));
        const auto note = strongest_ties(ctx, o, t.network.graph.edges.size());
        body += "<div class=\"diagram\">" + figure(ctx, named_titles(inline_svg(svg), o.names, o.title), note.empty() ? o.title : o.title + ". " + note) + "</div>";
    }
    if (!t.change) {
        body += paragraph(ctx.text(Msg::ReportNoPrevious));
        return section(ctx, "reseau", Msg::ReportSecNetwork, Msg::ReportQNetwork, body);
    }
    const auto& ties = t.change->organisations.ties;
    const int prev_year = ctx.project.editions[static_cast<std::size_t>(t.change->previous)].year;
    body += paragraph(core::tr(lang, Msg::ReportTieChange, prev_year, ctx.count(static_cast<double>(ties.created)),
                               ctx.count(static_cast<double>(ties.faded)), ctx.count(static_cast<double>(ties.persistent)),
                               ctx.count(static_cast<double>(ties.strengthened)), format_percent(ties.jaccard, 0, lang)));
    std::vector<std::string> created, faded;
    for (std::size_t i = 0; i < ties.created_ties.size() && i < 5; ++i) created.push_back(tie_name(ctx, ties.created_ties[i]));
    for (std::size_t i = 0; i < ties.faded_ties.size() && i < 5; ++i) faded.push_back(tie_name(ctx, ties.faded_ties[i]));
    if (!created.empty()) body += "<p>" + escape(ctx.text(Msg::ReportStrongestNew)) + "</p>" + list(created);
    if (!faded.empty()) body += "<p>" + escape(ctx.text(Msg::ReportStrongestFaded)) + "</p>" + list(faded);
    // the diff diagram (render::draw_diff): both editions' organisations and ties as one
    {
        graph::Window before;
        before.territory = t.territory;
        before.year = prev_year;
        auto diff = render::diff_networks(graph::build_network(ctx.project, ctx.index, graph::Scope::Organisations, t.network.level, before),
                                          t.network);
        diff.before_year = prev_year;
        diff.after_year = t.last().year;
        const auto o = diagram_options(ctx, diff.network,
                                       core::tr(lang, Msg::DiagramTitleDiff, t.name, prev_year, t.last().year,
                                                core::message(Msg::ScopeOrganisations, lang), graph::key(t.network.level)));
        const std::string svg = render::draw_diff(diff, ctx.project, render::Format::Svg, o);
        const auto note = strongest_ties(ctx, o, diff.network.graph.edges.size());
        body += "<div class=\"diagram\">" + figure(ctx, named_titles(inline_svg(svg), o.names, o.title), note.empty() ? o.title : o.title + ". " + note) + "</div>";
    }
    BarChart c;
    c.title = core::tr(lang, Msg::ReportFigTieChange, prev_year, t.last().year);
    c.format = counts_format(ctx);
    c.labels = {ctx.text(Msg::ReportTiesPersistent), ctx.text(Msg::ReportTiesCreated), ctx.text(Msg::ReportTiesFaded)};
    c.segments = {Series{ctx.text(Msg::ReportTies), "#0072B2",
                         {static_cast<double>(ties.persistent), static_cast<double>(ties.created), static_cast<double>(ties.faded)}}};
    c.show_legend = false;
    body += figure(ctx, bar_chart(c), c.title);
    return section(ctx, "reseau", Msg::ReportSecNetwork, Msg::ReportQNetwork, body);
}

// ---- Section 4: brokers, single points of failure, structural holes ------------------------

/// The sentence on one single point of failure of the territory's network: the organisation
/// and those it alone keeps connected.
std::string cut_point_text(const Ctx& ctx, const TerritoryFacts& t, const metrics::CutPoint& c) {
    std::vector<std::string> cut;
    for (const auto& g : c.cut_off)
        for (auto v : g) cut.push_back(ctx.organisation(t.network.nodes[static_cast<std::size_t>(v)]));
    return cut_point_sentence(ctx.organisation(t.network.nodes[static_cast<std::size_t>(c.node)]), cut, ctx.lang);
}

/// The sentence on a pair of type families that one or two organisations alone hold together.
std::string weak_link_text(const Ctx& ctx, const TerritoryFacts& t, const metrics::GroupPairConnectivity& p) {
    std::string who;
    for (std::size_t i = 0; i < p.result.cut.size(); ++i) {
        if (i > 0) who += ctx.text(Msg::ReportAnd);
        who += quoted(ctx.organisation(t.network.nodes[static_cast<std::size_t>(p.result.cut[i])]), ctx.lang);
    }
    auto family = [&](std::int32_t k) { return std::string(render::label(render::type_families[static_cast<std::size_t>(k)], ctx.lang)); };
    return core::tr(ctx.lang, p.result.connectivity == 1 ? Msg::ReportConnectivityOne : Msg::ReportConnectivityTwo, family(p.first),
                    family(p.second), who);
}

std::string brokers_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    std::string body;
    const auto n = static_cast<std::size_t>(t.network.graph.node_count);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return t.centralities.betweenness[a] > t.centralities.betweenness[b]; });
    std::vector<std::string> top;
    BarChart bars;
    bars.title = core::tr(lang, Msg::ReportFigBrokers, t.last().year);
    bars.format = decimal_format(ctx, 3);
    Series s{ctx.text(Msg::ReportBetweenness), "#0072B2", {}};
    for (std::size_t i = 0; i < order.size() && i < 8; ++i) {
        const auto v = order[i];
        if (t.centralities.betweenness[v] <= 0) break;
        top.push_back(ctx.organisation(t.network.nodes[v]));
        bars.labels.push_back(top.back());
        s.values.emplace_back(t.centralities.betweenness[v]);
    }
    bars.segments = {s};
    bars.show_legend = false;
    if (top.empty()) body += paragraph(ctx.text(Msg::ReportNoBrokers));
    else body += paragraph(core::tr(lang, Msg::ReportBrokers, join_list(top, 3, lang)));
    if (t.cut_points.empty()) body += paragraph(ctx.text(Msg::ReportNoCutPoints));
    else {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < t.cut_points.size() && i < 5; ++i) lines.push_back(cut_point_text(ctx, t, t.cut_points[i]));
        body += paragraph(core::tr_plural(lang, Msg::ReportCutPoints, static_cast<std::int64_t>(t.cut_points.size()),
                                   ctx.count(static_cast<double>(t.cut_points.size()))));
        body += list(lines);
    }
    // type families that one or two organisations alone hold together: said only when it is so
    if (t.weak_links.size() == 1) body += paragraph(weak_link_text(ctx, t, t.weak_links.front()));
    else if (!t.weak_links.empty()) {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < t.weak_links.size() && i < 4; ++i) lines.push_back(weak_link_text(ctx, t, t.weak_links[i]));
        body += list(lines);
    }
    if (!bars.labels.empty()) {
        body += figure(ctx, bar_chart(bars), bars.title);
        // The same organisations with every figure declared for the report (metrics::node_columns).
        Table tab{{ctx.text(Msg::ReportHeadOrganisation), ctx.text(Msg::ReportHeadType)}, {false, false}, {}};
        std::vector<const metrics::NodeColumn*> shown;
        for (const auto& column : metrics::node_columns())
            if (column.in(metrics::InReport)) {
                shown.push_back(&column);
                tab.head.emplace_back(column.label(lang));
                tab.numeric.push_back(true);
            }
        const metrics::NodeInputs inputs{&t.centralities, nullptr, &t.network.internal_weight};
        for (std::size_t i = 0; i < bars.labels.size(); ++i) {
            const auto v = order[i];
            std::vector<std::string> row{bars.labels[i],
                                         ctx.type_label(ctx.project.organisations[static_cast<std::size_t>(t.network.nodes[v])].type)};
            for (const auto* column : shown) row.push_back(format_number(column->get(inputs, v), column->report_decimals, lang));
            tab.rows.push_back(std::move(row));
        }
        body += table(tab);
    }

    // type × type mixing against the null model, every edition of the territory so far
    graph::Window w;
    w.territory = t.territory;
    const auto input = metrics::mixing_input(ctx.project, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
    std::vector<std::string> type_of(input.nodes.size());
    for (std::size_t v = 0; v < input.nodes.size(); ++v) {
        const auto o = input.organisation[v];
        type_of[v] = o == model::no_id ? std::string() : advise::seed_type(ctx.taxonomy, ctx.project.organisations[static_cast<std::size_t>(o)].type);
    }
    // groups in palette order (family, then label), the unknown type last
    std::vector<std::string> keys(type_of);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto family_rank = [](const std::string& k) {
        const auto f = render::family_of(k);
        return static_cast<int>(std::find(std::begin(render::type_families), std::end(render::type_families), f) -
                                std::begin(render::type_families));
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        if (a.empty() != b.empty()) return b.empty();
        return std::tuple(family_rank(a), ctx.type_label(a)) < std::tuple(family_rank(b), ctx.type_label(b));
    });
    metrics::Grouping grouping;
    grouping.group_count = static_cast<std::int32_t>(keys.size());
    for (const auto& k : type_of)
        grouping.group.push_back(static_cast<std::int32_t>(std::find(keys.begin(), keys.end(), k) - keys.begin()));
    metrics::MixingOptions mo;
    mo.reshuffles = ctx.options.reshuffles;
    mo.seed = ctx.options.seed;
    mo.cache = ctx.options.draws;
    const auto mixed = metrics::mixing(input, {grouping}, mo);
    const auto& m = mixed.groupings[0];
    const auto G = static_cast<std::size_t>(m.group_count);
    HeatMap h;
    h.title = core::tr(lang, Msg::ReportFigHeatMap, t.name);
    h.low_label = ctx.text(Msg::ReportFewerThanChance);
    h.high_label = ctx.text(Msg::ReportMoreThanChance);
    h.mark_label = ctx.text(Msg::ReportHeatLegendDot);
    h.none_label = ctx.text(Msg::ReportHeatLegendNone);
    h.unmarked_strength = 0.2;
    for (const auto& k : keys) h.labels.push_back(ctx.type_label(k));
    // the colour is the gap on the density scale (Cohen's h), grey where the reshuffles cannot
    // move the count; a dot marks the departures that are significant and material
    h.gap.assign(G * G, std::nan(""));
    h.marked.assign(G * G, false);
    for (const auto& d : metrics::pair_departures(m)) {
        if (d.status == metrics::PairStatus::Fixed) continue;
        const bool clear = d.status == metrics::PairStatus::Notable;
        for (const auto k : {d.x * G + d.y, d.y * G + d.x}) {
            h.gap[k] = d.gap;
            h.marked[k] = clear;
        }
    }
    for (std::size_t x = 0; x < G; ++x)
        for (std::size_t y = 0; y < G; ++y) {
            const auto& nt = m.ties[x * G + y];
            h.text.push_back(m.possible[x * G + y] > 0 ? ctx.count(std::round(nt.observed)) : "");
            h.tooltip.push_back(core::tr(lang, Msg::ReportHeatCell, h.labels[x], h.labels[y], ctx.count(std::round(nt.observed)),
                                         format_number(nt.expected, 1, lang),
                                         h.marked[x * G + y] ? ctx.text(Msg::ReportHeatClearGap) : std::string()));
        }
    const auto holes = metrics::group_holes(m);
    if (holes.empty()) body += paragraph(ctx.text(Msg::ReportNoHoles));
    else {
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < holes.size() && i < 6; ++i) {
            const auto& nt = m.ties[holes[i].x * G + holes[i].y];
            lines.push_back(core::tr(lang, Msg::ReportHole, h.labels[holes[i].x], h.labels[holes[i].y], ctx.count(std::round(nt.observed)),
                                     format_number(nt.expected, 1, lang)));
        }
        body += paragraph(core::tr_plural(lang, Msg::ReportHoles, static_cast<std::int64_t>(holes.size()), ctx.count(static_cast<double>(holes.size()))));
        body += list(lines);
    }
    body += keep(paragraph(ctx.text(Msg::ReportHeatExplained)) + figure(ctx, heat_map(h), h.title));
    return section(ctx, "passeurs", Msg::ReportSecBrokers, Msg::ReportQBrokers, body);
}

// ---- Section 5: who came back, who lapsed, types never here --------------------------------

std::string presence_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    std::string body;
    const auto& u = t.invite.unmobilised;
    if (t.change) {
        const auto& p = t.change->organisations.presence;
        const int prev_year = ctx.project.editions[static_cast<std::size_t>(t.change->previous)].year;
        std::string lead = paragraph(core::tr(lang, Msg::ReportOrgPresence, prev_year, t.last().year, ctx.count(static_cast<double>(p.retained)),
                                   ctx.count(static_cast<double>(p.previous)), format_percent(p.retention, 0, lang),
                                   ctx.count(static_cast<double>(p.returning)), ctx.count(static_cast<double>(p.newcomers))));
        BarChart c;
        c.title = core::tr(lang, Msg::ReportFigPresence, t.last().year);
        c.format = counts_format(ctx);
        c.labels = {ctx.text(Msg::ReportCameBack), ctx.text(Msg::ReportReturnedAfterAbsence), ctx.text(Msg::ReportNewOrganisations),
                    core::tr(lang, Msg::ReportLapsedSince, prev_year)};
        c.segments = {Series{ctx.text(Msg::ReportOrganisations), "#009E73",
                             {static_cast<double>(p.retained), static_cast<double>(p.returning), static_cast<double>(p.newcomers),
                              static_cast<double>(p.previous - p.retained)}}};
        c.show_legend = false;
        body += keep(lead + figure(ctx, bar_chart(c), c.title));
    } else {
        body += paragraph(ctx.text(Msg::ReportNoPrevious));
    }
    if (u.lapsed.empty()) body += paragraph(ctx.text(Msg::ReportNoLapsed));
    else {
        body += paragraph(core::tr_plural(lang, Msg::ReportLapsed, static_cast<std::int64_t>(u.lapsed.size()), ctx.count(static_cast<double>(u.lapsed.size()))));
        Table tab{{ctx.text(Msg::ReportHeadOrganisation), ctx.text(Msg::ReportHeadType), ctx.text(Msg::ReportHeadEditions),
                   ctx.text(Msg::ReportHeadLastYear), ctx.text(Msg::ReportHeadBroker)},
                  {false, false, true, true, false},
                  {}};
        for (std::size_t i = 0; i < u.lapsed.size() && i < 12; ++i) {
            const auto& l = u.lapsed[i];
            tab.rows.push_back({ctx.organisation(l.organisation), ctx.type_label(l.type), ctx.count(l.editions), std::to_string(l.last_year),
                                l.broker ? ctx.text(Msg::ReportYes) : std::string()});
        }
        body += table(tab);
        if (u.lapsed.size() > 12)
            body += paragraph(core::tr(lang, Msg::ReportMoreRows, ctx.count(static_cast<double>(u.lapsed.size() - 12))));
    }
    std::vector<const advise::TypeGap*> elsewhere;
    for (const auto& g : u.missing_types)
        if (g.territories_elsewhere > 0) elsewhere.push_back(&g);
    if (elsewhere.empty()) body += paragraph(ctx.text(Msg::ReportNoMissingTypes));
    else {
        std::vector<std::string> names;
        for (const auto* g : elsewhere) names.push_back(ctx.type_label(g->type));
        std::string lead = core::tr_plural(lang, Msg::ReportMissingTypes, static_cast<std::int64_t>(elsewhere.size()),
                                           ctx.count(static_cast<double>(elsewhere.size())), join_list(names, 6, lang));
        // bars all of one length say nothing the sentence cannot (three bars of value 1 took a
        // chart before): the count goes into the text instead
        const auto first = elsewhere.front()->organisations_elsewhere;
        const bool all_equal = std::all_of(elsewhere.begin(), elsewhere.end(),
                                           [first](const advise::TypeGap* g) { return g->organisations_elsewhere == first; });
        if (all_equal) {
            body += paragraph(lead + " " + core::tr_plural(lang, Msg::ReportMissingTypesEach, first, ctx.count(static_cast<double>(first))));
        } else {
            BarChart c;
            c.title = ctx.text(Msg::ReportFigMissingTypes);
            c.format = counts_format(ctx);
            Series s{ctx.text(Msg::ReportOrganisationsElsewhere), "#CC79A7", {}};
            for (std::size_t i = 0; i < elsewhere.size() && i < 10; ++i) {
                c.labels.push_back(ctx.type_label(elsewhere[i]->type));
                s.values.emplace_back(static_cast<double>(elsewhere[i]->organisations_elsewhere));
            }
            c.segments = {s};
            c.show_legend = false;
            body += keep(paragraph(lead) + figure(ctx, bar_chart(c), c.title));
        }
    }
    return section(ctx, "presence", Msg::ReportSecPresence, Msg::ReportQPresence, body);
}

// ---- Section 6: whom to invite -------------------------------------------------------------

std::string invite_section(Ctx& ctx, const TerritoryFacts& t) {
    const auto lang = ctx.lang;
    std::string body;
    const auto& inv = t.invite;
    const advise::InviteWeights weights;
    if (inv.organisations.empty()) body += paragraph(ctx.text(Msg::ReportNoInvitations));
    else {
        body += paragraph(core::tr(lang, Msg::ReportInvitations, ctx.count(static_cast<double>(inv.organisations.size())),
                                   ctx.count(static_cast<double>(inv.candidates)), t.last().year + 1));
        Table tab{{"#", ctx.text(Msg::ReportHeadOrganisation), ctx.text(Msg::ReportHeadType), ctx.text(Msg::ReportHeadScore),
                   ctx.text(Msg::ReportHeadReason)},
                  {true, false, false, true, false},
                  {}};
        BarChart c;
        c.title = ctx.text(Msg::ReportFigInvite);
        c.format = decimal_format(ctx, 1);
        static constexpr advise::Component comps[] = {advise::Component::Type, advise::Component::Lapsed, advise::Component::Gap,
                                                      advise::Component::Bridge, advise::Component::Central};
        static constexpr Msg comp_names[] = {Msg::ReportCompType, Msg::ReportCompLapsed, Msg::ReportCompGap, Msg::ReportCompBridge,
                                             Msg::ReportCompCentral};
        for (std::size_t k = 0; k < 5; ++k) c.segments.push_back(Series{ctx.text(comp_names[k]), series_colours[k], {}});
        for (std::size_t i = 0; i < inv.organisations.size(); ++i) {
            const auto& o = inv.organisations[i];
            tab.rows.push_back({std::to_string(i + 1), ctx.candidate(o), ctx.type_label(o.type), format_number(o.score, 1, lang),
                                advise::reason(o, weights, ctx.taxonomy, lang)});
            c.labels.push_back(ctx.candidate(o));
            for (std::size_t k = 0; k < 5; ++k) c.segments[k].values.emplace_back(weights[comps[k]] * o.component(comps[k]));
        }
        body += table(tab, "invite");
        body += figure(ctx, bar_chart(c), c.title);
    }
    if (!t.people_invite.empty()) {
        body += paragraph(ctx.text(ctx.options.people ? Msg::ReportPeopleInviteNamed : Msg::ReportPeopleInvite));
        Table tab{{ctx.text(Msg::ReportHeadPerson), ctx.text(Msg::ReportHeadOrganisation), ctx.text(Msg::ReportHeadReason)}, {}, {}};
        // Without --people, people are numbered in the order of the list rather than shown by
        // their pseudonym: the store's pseudonyms are keyed by a secret drawn per store, so they
        // would change the file from one store to another (the example's reports are committed
        // and must not change) and would let two reports be linked. `maillage invite --scope
        // people` gives the pseudonyms to the coordination team.
        std::size_t rank = 0;
        for (const auto& p : t.people_invite) {
            const auto id = static_cast<std::size_t>(p.person);
            std::string label = ctx.text(Msg::WordPerson) + " " + std::to_string(++rank);
            if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
            if (ctx.options.people && id < ctx.options.person_labels.size()) label = ctx.options.person_labels[id];
            tab.rows.push_back({label, ctx.organisation(p.organisation), advise::reason(p, ctx.taxonomy, lang)});
        }
        body += table(tab, "people");
    }
    return section(ctx, "inviter", Msg::ReportSecInvite, Msg::ReportQInvite, body);
}

// ---- Section 7: method ---------------------------------------------------------------------

/// Each organisation's name as it writes it: the name identity resolution chose (the most
/// frequent spelling not in capitals), else the registry's spelling when it is not in capitals,
/// else the capitals put in proper case (report/format.hpp, proper_case).
std::vector<std::string> shown_names(const Ctx& ctx) {
    const auto& project = ctx.project;
    std::map<model::Id, std::string> registry;
    for (const auto& r : project.registry)
        if (r.organisation != model::no_id && !is_shouting(r.name)) registry.emplace(r.organisation, r.name);
    std::vector<std::string> out;
    out.reserve(project.organisations.size());
    for (std::size_t o = 0; o < project.organisations.size(); ++o) {
        const auto& name = project.organisations[o].name;
        if (!is_shouting(name)) out.push_back(name);
        else if (const auto it = registry.find(static_cast<model::Id>(o)); it != registry.end()) out.push_back(it->second);
        else out.push_back(ctx.shown(name));
    }
    return out;
}

/// The method for every reader: what a tie is, where the figures come from, in plain words.
/// Files, seeds, draws and commands are for the coordination team (appendix_section).
std::string method_section(Ctx& ctx) {
    const auto lang = ctx.lang;
    const auto& project = ctx.project;
    std::string body;
    body += "<h3>" + escape(ctx.text(Msg::ReportMethodLevels)) + "</h3>";
    body += list({ctx.text(Msg::ReportMethodConnaissance), ctx.text(Msg::ReportMethodInterconnaissance),
                  ctx.text(Msg::ReportMethodReconnaissance)});
    body += paragraph(ctx.text(Msg::ReportMethodNetwork));
    body += paragraph(ctx.text(Msg::ReportMethodChance));
    body += "<h3>" + escape(ctx.text(Msg::ReportMethodSources)) + "</h3>";
    std::int64_t rows = 0, rejected = 0;
    for (const auto& f : project.files) {
        rows += f.rows;
        rejected += f.rejected;
    }
    body += paragraph(core::tr(lang, Msg::ReportMethodFiles, ctx.count(static_cast<double>(project.files.size())), ctx.count(static_cast<double>(rows)),
                               ctx.count(static_cast<double>(project.attendances.size())), ctx.count(static_cast<double>(rejected))));
    if (!project.registry.empty())
        body += paragraph(core::tr(lang, Msg::ReportMethodRegistryPlain, ctx.count(static_cast<double>(project.registry.size()))));
    body += paragraph(ctx.text(Msg::ReportMethodReference));
    body += list({ctx.text(Msg::ReportLicenceCog), ctx.text(Msg::ReportLicenceDila), ctx.text(Msg::ReportLicenceIgn)});
    body += "<h3>" + escape(ctx.text(Msg::ReportMethodReproduce)) + "</h3>";
    body += paragraph(ctx.text(Msg::ReportMethodReproducible));
    body += paragraph(ctx.text(ctx.options.people ? Msg::ReportMethodPeopleShown : Msg::ReportMethodPeopleHidden));
    return section(ctx, "methode", Msg::ReportSecMethod, Msg::ReportQMethod, body);
}

/// The technical appendix (--appendix): the seed and the draws, the files read and those with
/// rows set aside, the directories by source, the maps' own notes, the command.
std::string appendix_section(Ctx& ctx) {
    const auto lang = ctx.lang;
    const auto& project = ctx.project;
    std::string body = paragraph(ctx.text(Msg::ReportAppendixAudience));
    body += paragraph(core::tr(lang, Msg::ReportMethodSeeds, ctx.options.seed, ctx.count(ctx.options.reshuffles)));
    if (!ctx.options.command.empty()) body += "<p>" + escape(core::tr(lang, Msg::ReportAppendixCommand, "")) + "<code>" + escape(ctx.options.command) + "</code></p>\n";
    Table files{{ctx.text(Msg::ReportHeadFile), ctx.text(Msg::ReportHeadRows), ctx.text(Msg::ReportHeadQuarantined)}, {false, true, true}, {}};
    for (const auto& f : project.files)
        if (f.rejected > 0) files.rows.push_back({f.path, ctx.count(static_cast<double>(f.rows)), ctx.count(static_cast<double>(f.rejected))});
    body += paragraph(core::tr(lang, Msg::ReportAppendixFiles, ctx.count(static_cast<double>(project.files.size()))));
    if (!files.rows.empty()) body += table(files, "files");
    std::map<std::string, std::int64_t> registry_sources;
    for (const auto& r : project.registry) ++registry_sources[r.source.empty() ? ctx.text(Msg::WordUnknown) : r.source];
    if (!registry_sources.empty()) {
        std::vector<std::string> items;
        for (const auto& [src, n] : registry_sources) items.push_back(src + " (" + ctx.count(static_cast<double>(n)) + ")");
        body += paragraph(core::tr(lang, Msg::ReportMethodRegistry, join_list(items, 10, lang)));
    }
    if (!ctx.map_notes.empty()) body += paragraph(core::tr(lang, Msg::ReportAppendixMapNotes, join_list(ctx.map_notes, 10, lang)));
    if (ctx.options.territory && !ctx.options.people) body += paragraph(ctx.text(Msg::ReportAppendixPeople));
    ++ctx.sections;
    return fmt::format("<section id=\"annexe\" class=\"appendix\">\n<h2>{}</h2>\n<p class=\"question\">{}</p>\n{}</section>\n",
                       escape(ctx.text(Msg::ReportSecAppendix)), escape(ctx.text(Msg::ReportQAppendix)), body);
}

// ---- The region, territories side by side ---------------------------------------------------

std::vector<std::string> all_years(const std::vector<TerritoryFacts>& ts) {
    std::set<int> ys;
    for (const auto& t : ts)
        for (const auto& e : t.editions) ys.insert(e.year);
    std::vector<std::string> out;
    for (int y : ys) out.push_back(std::to_string(y));
    return out;
}

template <typename F>
LineChart region_chart(const std::vector<TerritoryFacts>& ts, const std::string& title, F value) {
    LineChart c;
    c.title = title;
    c.x_labels = all_years(ts);
    c.x = year_axis(c.x_labels);
    for (std::size_t i = 0; i < ts.size(); ++i) {
        Series s{ts[i].name, series_colours[i % 8], std::vector<std::optional<double>>(c.x_labels.size())};
        for (std::size_t e = 0; e < ts[i].editions.size(); ++e) {
            const auto at = std::find(c.x_labels.begin(), c.x_labels.end(), std::to_string(ts[i].editions[e].year)) - c.x_labels.begin();
            s.values[static_cast<std::size_t>(at)] = value(ts[i], e);
        }
        c.series.push_back(s);
    }
    return c;
}

std::string region_report(Ctx& ctx, const std::vector<TerritoryFacts>& ts) {
    const auto lang = ctx.lang;
    std::string out;
    // 1. side by side
    {
        std::string body;
        for (const auto& t : ts) {
            body += paragraph(summary_sentences(t.name, t.last(), t.before(), lang));
            // what moves leads, with its margin of chance (docs/metrics.md, "Measures that move")
            if (t.chance)
                body += paragraph(t.name + " — " + change_sentence(t.chance->at(metrics::ChangeMeasure::ReconnaissanceShare),
                                                                   t.editions[t.editions.size() - 2].year, t.last().year, lang));
        }
        if (std::any_of(ts.begin(), ts.end(), [](const TerritoryFacts& t) { return t.chance.has_value(); }))
            body += paragraph(ctx.text(Msg::ChangeExplained));
        Table tab{{ctx.text(Msg::ReportHeadFigure)}, {false}, {}};
        for (const auto& t : ts) {
            tab.head.push_back(t.name);
            tab.numeric.push_back(true);
        }
        auto row = [&](const std::string& label, auto f) {
            std::vector<std::string> r{label};
            for (const auto& t : ts) r.push_back(f(t));
            tab.rows.push_back(r);
        };
        row(ctx.text(Msg::ReportHeadEdition), [](const TerritoryFacts& t) { return std::to_string(t.last().year); });
        row(ctx.text(Msg::ReportHeadEditions), [&](const TerritoryFacts& t) { return ctx.count(static_cast<double>(t.editions.size())); });
        // inhabitants per commune: a plain proxy of how urban a territory is (the COG gives
        // populations and communes, not areas); once per territory, not per comparison of the
        // sort below (advise::area_of may read every attendance)
        std::map<const TerritoryFacts*, double> inhabitants_per_commune;
        for (const auto& t : ts) {
            const auto communes = advise::area_of(ctx.project, t.territory, ctx.geography).size();
            inhabitants_per_commune[&t] =
                communes > 0 ? static_cast<double>(t.invite.unmobilised.population) / static_cast<double>(communes) : 0.0;
        }
        auto per_commune = [&](const TerritoryFacts& t) { return inhabitants_per_commune.at(&t); };
        row(ctx.text(Msg::ReportHeadPopulation), [&](const TerritoryFacts& t) {
            return ctx.count(static_cast<double>(t.invite.unmobilised.population)) + " (" + ctx.count(per_commune(t)) + ")";
        });
        row(ctx.text(Msg::ReportParticipants), [&](const TerritoryFacts& t) { return ctx.count(static_cast<double>(t.last().people)); });
        row(ctx.text(Msg::ReportOrganisations), [&](const TerritoryFacts& t) { return ctx.count(static_cast<double>(t.last().organisations)); });
        row(ctx.text(Msg::ReportTypes), [&](const TerritoryFacts& t) { return ctx.count(static_cast<double>(t.last().types)); });
        for (std::size_t l = 0; l < 3; ++l)
            row(ctx.text(level_names[l]), [&](const TerritoryFacts& t) {
                const auto b = t.before();
                return format_percent(t.last().density[l], 0, lang) + (b ? " (" + format_point_change(t.last().density[l] - b->density[l], 0, lang) + ")" : "");
            });
        row(ctx.text(Msg::ReportRetentionLabel), [&](const TerritoryFacts& t) {
            return t.retention.back() ? format_percent(*t.retention.back(), 0, lang) : std::string("—");
        });
        row(ctx.text(Msg::ReportCoverage), [&](const TerritoryFacts& t) {
            const auto& u = t.invite.unmobilised;
            return u.population > 0 ? format_percent(static_cast<double>(u.population_covered) / static_cast<double>(u.population), 0, lang)
                                    : std::string("—");
        });
        body += "<div class=\"wide\">" + table(tab, "side") + "</div>";
        // urban and rural: the half of the territories with the most inhabitants per commune
        // against the other half, on participation, reconnaissance density and return rate
        if (ts.size() >= 2) {
            std::vector<const TerritoryFacts*> order;
            for (const auto& t : ts) order.push_back(&t);
            std::stable_sort(order.begin(), order.end(), [&](const TerritoryFacts* a, const TerritoryFacts* b) { return per_commune(*a) > per_commune(*b); });
            const std::size_t half = order.size() / 2;
            struct Group {
                std::vector<std::string> names;
                double people = 0, density = 0, retention = 0;
                int with_retention = 0;
            };
            auto group = [&](std::size_t from, std::size_t to) {
                Group g;
                for (std::size_t i = from; i < to; ++i) {
                    const auto& t = *order[i];
                    g.names.push_back(t.name);
                    g.people += static_cast<double>(t.last().people) / static_cast<double>(to - from);
                    g.density += t.last().density[2] / static_cast<double>(to - from);
                    if (t.retention.back()) {
                        g.retention += *t.retention.back();
                        ++g.with_retention;
                    }
                }
                if (g.with_retention > 0) g.retention /= g.with_retention;
                return g;
            };
            const Group urban = group(0, half), rural = group(half, order.size());
            body += paragraph(core::tr(lang, Msg::ReportUrbanRural, join_list(urban.names, 6, lang), join_list(rural.names, 6, lang),
                                       ctx.count(urban.people), ctx.count(rural.people), format_percent(urban.density, 0, lang),
                                       format_percent(rural.density, 0, lang),
                                       urban.with_retention ? format_percent(urban.retention, 0, lang) : std::string("—"),
                                       rural.with_retention ? format_percent(rural.retention, 0, lang) : std::string("—")));
        }
        BarChart c;
        c.title = ctx.text(Msg::ReportFigRegionParticipants);
        c.format = counts_format(ctx);
        Series s{ctx.text(Msg::ReportParticipants), "#0072B2", {}};
        for (const auto& t : ts) {
            c.labels.push_back(t.name + " " + std::to_string(t.last().year));
            s.values.emplace_back(static_cast<double>(t.last().people));
        }
        c.segments = {s};
        c.show_legend = false;
        body += figure(ctx, bar_chart(c), c.title);
        out += section(ctx, "resume", Msg::ReportSecSummary, Msg::ReportQRegionSummary, body);
    }
    // 2. trends, one line per territory
    {
        std::string body;
        auto grew = [&](auto value) {
            const TerritoryFacts* best = nullptr;
            double best_diff = -1e300;
            for (const auto& t : ts) {
                if (t.editions.size() < 2) continue;
                const double d = value(t, t.editions.size() - 1) - value(t, 0);
                if (d > best_diff) best_diff = d, best = &t;
            }
            return best;
        };
        auto people = [](const TerritoryFacts& t, std::size_t e) { return static_cast<double>(t.editions[e].people); };
        auto orgs = [](const TerritoryFacts& t, std::size_t e) { return static_cast<double>(t.editions[e].organisations); };
        // reconnaissance: the organisation network of one edition is nearly complete at
        // interconnaissance in every territory, so that level tells them apart
        auto dens = [](const TerritoryFacts& t, std::size_t e) { return t.editions[e].density[2]; };
        std::string lead;
        if (const auto* b = grew(people))
            lead = paragraph(core::tr(lang, Msg::ReportRegionGrew, b->name,
                                       format_change(people(*b, b->editions.size() - 1) - people(*b, 0), 0, lang), b->editions.front().year));
        // one line per territory
        auto chart = [&](Msg title, auto value, std::function<std::string(double)> format, std::optional<double> y_max = {}) {
            auto c = region_chart(ts, ctx.text(title), value);
            c.format = std::move(format);
            c.y_max = y_max;
            return figure(ctx, line_chart(c), c.title);
        };
        body += keep(lead + chart(Msg::ReportFigRegionPeople, people, counts_format(ctx)));
        body += chart(Msg::ReportFigOrganisations, orgs, counts_format(ctx));
        lead.clear();
        // no "tightened most" here: a gap between two editions years apart has no margin of
        // chance to be judged against; section 1 carries each territory's tested change
        lead = paragraph(ctx.text(Msg::ReportRegionDenser));
        body += keep(lead + chart(Msg::ReportFigDensityInter, dens, percent_format(ctx)));
        body += chart(Msg::ReportFigRetention, [](const TerritoryFacts& t, std::size_t e) { return t.retention[e]; }, percent_format(ctx), 1.0);
        body += chart(Msg::ReportFigNewcomersLine,
                      [](const TerritoryFacts& t, std::size_t e) {
                          // at its first edition everybody is new
                          return e == 0 ? std::nullopt : std::optional<double>(static_cast<double>(t.newcomers[e]));
                      },
                      counts_format(ctx));
        out += section(ctx, "tendances", Msg::ReportSecTrends, Msg::ReportQTrends, body);
    }
    // 3. map slot and change of ties
    {
        int year = 0;
        for (const auto& t : ts) year = std::max(year, t.last().year);
        std::string body = map_slot(ctx, model::no_id, year); // no_id: the whole region
        BarChart c;
        c.title = ctx.text(Msg::ReportFigRegionTies);
        c.format = counts_format(ctx);
        Series sp{ctx.text(Msg::ReportTiesPersistent), "#0072B2", {}}, sc{ctx.text(Msg::ReportTiesCreated), "#009E73", {}},
            sf{ctx.text(Msg::ReportTiesFaded), "#D55E00", {}};
        for (const auto& t : ts) {
            c.labels.push_back(t.name);
            if (!t.change) {
                sp.values.emplace_back();
                sc.values.emplace_back();
                sf.values.emplace_back();
                continue;
            }
            const auto& x = t.change->organisations.ties;
            body += paragraph(core::tr(lang, Msg::ReportRegionTies, t.name, ctx.project.editions[static_cast<std::size_t>(t.change->previous)].year,
                                       t.last().year, ctx.count(static_cast<double>(x.created)), ctx.count(static_cast<double>(x.faded)),
                                       format_percent(x.jaccard, 0, lang)));
            sp.values.emplace_back(static_cast<double>(x.persistent));
            sc.values.emplace_back(static_cast<double>(x.created));
            sf.values.emplace_back(static_cast<double>(x.faded));
        }
        c.segments = {sp, sc, sf};
        body += figure(ctx, bar_chart(c), c.title);
        out += section(ctx, "reseau", Msg::ReportSecNetwork, Msg::ReportQRegionNetwork, body);
    }
    // 4. brokers and single points of failure
    {
        std::string body;
        Table tab{{ctx.text(Msg::ReportHeadTerritory), ctx.text(Msg::ReportHeadTopBroker), ctx.text(Msg::ReportHeadCutPoints),
                   ctx.text(Msg::ReportHeadHoles)},
                  {false, false, true, true},
                  {}};
        BarChart c;
        c.title = core::tr(lang, Msg::ReportFigRegionCutPoints, ts.front().last().year);
        c.format = decimal_format(ctx, 3);
        Series s{ctx.text(Msg::ReportBetweenness), "#0072B2", {}};
        bool any_cut = false;
        for (const auto& t : ts) {
            std::size_t best = 0;
            for (std::size_t v = 1; v < t.centralities.betweenness.size(); ++v)
                if (t.centralities.betweenness[v] > t.centralities.betweenness[best]) best = v;
            const std::string broker = t.network.nodes.empty() ? std::string("—") : ctx.organisation(t.network.nodes[best]);
            tab.rows.push_back({t.name, broker, ctx.count(static_cast<double>(t.cut_points.size())), ctx.count(static_cast<double>(t.invite.holes.size()))});
            c.labels.push_back(t.name + " — " + broker);
            s.values.emplace_back(t.centralities.betweenness.empty() ? 0.0 : t.centralities.betweenness[best]);
            if (!t.cut_points.empty()) {
                any_cut = true;
                body += paragraph(t.name + " — " + cut_point_text(ctx, t, t.cut_points.front()));
            }
            if (!t.weak_links.empty()) body += paragraph(t.name + " — " + weak_link_text(ctx, t, t.weak_links.front()));
        }
        c.segments = {s};
        c.show_legend = false;
        if (!any_cut) body += paragraph(ctx.text(Msg::ReportNoCutPoints));
        body += table(tab);
        body += keep(paragraph(ctx.text(Msg::ReportRegionBrokers)) + figure(ctx, bar_chart(c), c.title));
        out += section(ctx, "passeurs", Msg::ReportSecBrokers, Msg::ReportQBrokers, body);
    }
    // 5. presence
    {
        std::string body;
        BarChart c;
        c.title = ctx.text(Msg::ReportFigRegionPresence);
        c.format = counts_format(ctx);
        Series sr{ctx.text(Msg::ReportCameBack), "#009E73", {}}, sb{ctx.text(Msg::ReportReturnedAfterAbsence), "#56B4E9", {}},
            sn{ctx.text(Msg::ReportNewOrganisations), "#E69F00", {}};
        for (const auto& t : ts) {
            c.labels.push_back(t.name);
            const auto& u = t.invite.unmobilised;
            std::vector<std::string> missing;
            for (const auto& g : u.missing_types)
                if (g.territories_elsewhere > 0) missing.push_back(ctx.type_label(g.type));
            body += paragraph(core::tr(lang, Msg::ReportRegionPresence, t.name, ctx.count(static_cast<double>(u.lapsed.size())),
                                       missing.empty() ? ctx.text(Msg::ReportNone) : join_list(missing, 4, lang)));
            if (!t.change) {
                sr.values.emplace_back();
                sb.values.emplace_back();
                sn.values.emplace_back();
                continue;
            }
            const auto& p = t.change->organisations.presence;
            sr.values.emplace_back(static_cast<double>(p.retained));
            sb.values.emplace_back(static_cast<double>(p.returning));
            sn.values.emplace_back(static_cast<double>(p.newcomers));
        }
        c.segments = {sr, sb, sn};
        body += figure(ctx, bar_chart(c), c.title);
        out += section(ctx, "presence", Msg::ReportSecPresence, Msg::ReportQPresence, body);
    }
    // 6. invitations: the first three per territory
    {
        std::string body;
        const advise::InviteWeights weights;
        BarChart c;
        c.title = ctx.text(Msg::ReportFigRegionInvite);
        c.format = counts_format(ctx);
        Series sn{ctx.text(Msg::ReportNeverCame), "#CC79A7", {}};
        for (const auto& t : ts) {
            std::vector<std::string> items;
            for (std::size_t i = 0; i < t.invite.organisations.size() && i < 3; ++i)
                items.push_back(ctx.candidate(t.invite.organisations[i]) + " — " + advise::reason(t.invite.organisations[i], weights, ctx.taxonomy, lang));
            body += "<h3>" + escape(t.name) + "</h3>" + (items.empty() ? paragraph(ctx.text(Msg::ReportNoInvitations)) : list(items));
            c.labels.push_back(t.name);
            sn.values.emplace_back(static_cast<double>(t.invite.candidates));
        }
        c.segments = {sn};
        c.show_legend = false;
        body += figure(ctx, bar_chart(c), c.title);
        out += section(ctx, "inviter", Msg::ReportSecInvite, Msg::ReportQInvite, body);
    }
    out += method_section(ctx);
    if (ctx.options.appendix) out += appendix_section(ctx);
    return out;
}

std::string stylesheet() {
    return R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem;
       padding: 1.5rem 2rem 3rem; line-height: 1.45; font-size: 15px; background: #fff; }
header.cover { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: .8rem; }
header.cover h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
header.cover p { margin: .2rem 0; color: var(--muted); }
nav ol { columns: 2; margin: .5rem 0 0; padding-left: 1.3rem; }
nav a { color: var(--accent); text-decoration: none; }
section { margin-top: 2.2rem; }
h2 { font-size: 1.45rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-bottom: .4rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
p.question { font-style: italic; color: var(--muted); margin-top: 0; }
figure { margin: 1rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.head { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
.keep > figure { margin-bottom: 1rem; }
.map-slot figure svg { width: 100%; height: auto; }
table.rates { font-size: .82rem; }
section.appendix code { font-size: .82rem; word-break: break-all; }
.diagram figure svg { max-height: 20cm; width: 100%; }
/* printed, a kept-together block (text and its figure) stays under three quarters of the page
   (26.7 cm of A4 within the margins), so that it never leaves the page before it under a quarter
   full; the diagram has no text above it and may be taller */
@media print { figure svg { max-height: 14.5cm; } .diagram figure svg { max-height: 15.5cm; } }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; break-inside: auto; }
th, td { border-bottom: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; white-space: nowrap; }
/* a long heading over short numbers ("Centralité harmonique") goes on two lines, leaving the
   names and types beside them the width to stay on one or two */
th.num { white-space: normal; }
table.side th.num, table.side td.num { white-space: normal; }
table.side td { padding: .25rem .35rem; }
table.invite td:last-child, table.people td:last-child { font-size: .82rem; }
table.people td:first-child { white-space: nowrap; }
div.wide { overflow-x: auto; }
table.side { font-size: .82rem; }
.map-slot { border: 1px dashed var(--rule); padding: .2rem .8rem; margin: 1rem 0; }
svg.chart text { font-family: inherit; font-size: 12px; fill: #222; }
svg.chart text.axis, svg.chart text.small { font-size: 11px; fill: #444; }
svg.chart text.cell { font-size: 10px; }
svg.chart text.value { font-weight: bold; }
svg.chart line.grid { stroke: #e3e3e3; stroke-width: 1; }
svg.chart line.axisline { stroke: #888; stroke-width: 1; }
svg.chart line.tick { stroke: #888; stroke-width: 1; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: .5rem; }
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  /* No forced break before each section: a short section would leave a near-empty page. A
     section's heading stays with what follows, and text stays with its figure (.keep). */
  section { margin-top: 1.6rem; }
  main > section:first-child { margin-top: 1rem; }
  h2, h3, p.question { break-after: avoid; page-break-after: avoid; }
  section.appendix { break-before: page; page-break-before: always; }
  /* the method is reference matter: set a little smaller, so that its last lines do not spill
     onto a page of their own */
  section#methode { font-size: .92em; }
  section#methode ul, section#methode p { margin: .35rem 0; }
  /* the footer's two lines never make a page of their own */
  footer { margin-top: .6rem; padding-top: .3rem; break-before: avoid; page-break-before: avoid; }
  tr { break-inside: avoid; }
  div.wide { overflow: visible; }
  .map-slot { border: none; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

} // namespace

MapFigure map_figure(render::MapSpec spec, std::vector<render::AreaValue> areas, bool region, core::Lang lang,
                     render::MapDrawing* drawing) {
    MapFigure out;
    if (!spec.subtitle.empty()) out.notes.push_back(spec.subtitle);
    out.notes.insert(out.notes.end(), spec.notes.begin(), spec.notes.end());
    spec.subtitle.clear();
    spec.notes.clear();
    // a territory's title runs past the narrower canvas; the figure's caption says what it is
    if (!region) spec.title.clear();
    for (std::size_t i = 0; i < spec.areas.size(); ++i) {
        auto& a = spec.areas[i];
        const std::string rate = a.value ? format_percent(*a.value, 0, lang) : std::string();
        const std::string name = i < areas.size() ? areas[i].name : a.label;
        a.label = region ? (rate.empty() ? name : name + "\n" + rate) : rate;
    }
    // The canvas: the legend panel keeps its width (render/map.cpp: 360 units, margins of 20),
    // so a narrower canvas than the renderer's default gives the map and its text more of the
    // page; its height follows the areas' extent, with room for the legend.
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& a : spec.areas) {
        if (a.shape.empty()) continue;
        min_x = std::min(min_x, a.shape.min_x);
        min_y = std::min(min_y, a.shape.min_y);
        max_x = std::max(max_x, a.shape.max_x);
        max_y = std::max(max_y, a.shape.max_y);
    }
    constexpr double width = 960, frame_width = width - 360 - 40, top = 78, bottom = 16 + 17;
    const double aspect = max_x > min_x && max_y > min_y ? (max_y - min_y) / (max_x - min_x) : 0.75;
    spec.width = static_cast<std::int32_t>(width);
    spec.height = static_cast<std::int32_t>(std::clamp(top + frame_width * aspect * 1.06 + bottom + 10, 640.0, 1250.0));
    out.svg = render::prefix_svg_ids(render::draw_map(spec, render::Format::Svg, drawing), "map-");
    out.areas = std::move(areas);
    return out;
}

std::string inline_svg(const std::string& svg) {
    const auto at = svg.find("<svg");
    return at == std::string::npos ? svg : svg.substr(at);
}

model::Project up_to(const model::Project& project, int year) {
    std::vector<bool> keep;
    for (const auto& e : project.editions) keep.push_back(e.year <= year);
    return advise::only_editions(project, keep);
}

std::string build_report(const model::Project& full, const model::Taxonomy& taxonomy, const advise::Geography& geography,
                         const ReportOptions& options, ReportSummary* summary) {
    const model::Project project = options.year ? up_to(full, *options.year) : full;
    const graph::ProjectIndex index(project);
    Ctx ctx{project, index, taxonomy, geography, options, options.lang};
    ctx.names = shown_names(ctx);
    const auto lang = options.lang;

    std::vector<model::Id> territories;
    if (options.territory) territories.push_back(*options.territory);
    else
        for (std::size_t t = 0; t < project.territories.size(); ++t) territories.push_back(static_cast<model::Id>(t));
    std::vector<TerritoryFacts> facts;
    for (auto t : territories) {
        if (editions_of(project, t).empty()) continue;
        facts.push_back(collect(ctx, t, options.territory.has_value()));
    }
    if (facts.empty()) {
        std::string present;
        for (const auto& e : full.editions)
            present += (present.empty() ? "" : ", ") + full.territories[static_cast<std::size_t>(e.territory)].name + " " + std::to_string(e.year);
        throw FatalError(core::tr(lang, Msg::NoEditionInWindow, present));
    }
    // by code (the département order a French reader expects: 04, 05, 06, 13...), then name
    std::sort(facts.begin(), facts.end(), [&](const TerritoryFacts& a, const TerritoryFacts& b) {
        const auto& ca = project.territories[static_cast<std::size_t>(a.territory)].code;
        const auto& cb = project.territories[static_cast<std::size_t>(b.territory)].code;
        return std::tie(ca, a.name) < std::tie(cb, b.name);
    });

    std::string body;
    std::string heading, subtitle;
    int year = 0;
    for (const auto& t : facts) year = std::max(year, t.last().year);
    if (options.territory) {
        const auto& t = facts.front();
        heading = core::tr(lang, Msg::ReportTitle, t.name, t.last().year);
        subtitle = edition_heading(ctx, t);
        body += summary_section(ctx, t);
        body += trends_section(ctx, t);
        body += network_section(ctx, t);
        body += brokers_section(ctx, t);
        body += presence_section(ctx, t);
        body += invite_section(ctx, t);
        body += method_section(ctx);
        if (options.appendix) body += appendix_section(ctx);
    } else {
        heading = core::tr(lang, Msg::ReportRegionTitle, year);
        std::vector<std::string> names;
        for (const auto& t : facts) names.push_back(t.name);
        subtitle = core::tr(lang, Msg::ReportRegionSubtitle, ctx.count(static_cast<double>(facts.size())), join_list(names, 10, lang));
        body += region_report(ctx, facts);
    }
    static constexpr Msg toc[] = {Msg::ReportSecSummary, Msg::ReportSecTrends,  Msg::ReportSecNetwork, Msg::ReportSecBrokers,
                                  Msg::ReportSecPresence, Msg::ReportSecInvite, Msg::ReportSecMethod};
    static constexpr const char* ids[] = {"resume", "tendances", "reseau", "passeurs", "presence", "inviter", "methode"};
    std::string nav = "<nav><ol>";
    for (std::size_t i = 0; i < 7; ++i) nav += fmt::format("<li><a href=\"#{}\">{}</a></li>", ids[i], escape(ctx.text(toc[i])));
    if (options.appendix) nav += "<li><a href=\"#annexe\">" + escape(ctx.text(Msg::ReportSecAppendix)) + "</a></li>";
    nav += "</ol></nav>\n";

    std::string html = "<!DOCTYPE html>\n<html lang=\"";
    html += lang == core::Lang::Fr ? "fr" : "en";
    html += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // nothing may be fetched: no script, no font, no image from elsewhere
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
    html += "<title>" + escape(heading) + "</title>\n<style>" + stylesheet() + "</style>\n</head>\n<body>\n";
    html += "<header class=\"cover\">\n<h1>" + escape(heading) + "</h1>\n";
    if (!options.title.empty()) html += paragraph(options.title);
    html += paragraph(subtitle) + nav + "</header>\n<main>\n" + body + "</main>\n";
    html += "<footer>" + escape(core::tr(lang, Msg::ReportFooter, year)) + "</footer>\n</body>\n</html>\n";
    if (summary) {
        summary->figures = ctx.figures;
        summary->sections = ctx.sections;
        summary->year = year;
    }
    return html;
}

} // namespace maillage::report
