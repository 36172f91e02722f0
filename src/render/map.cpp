#include "maillage/render/map.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <numbers>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

namespace maillage::render {

using core::Msg;

namespace {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

Rgb rgb(std::string_view hex) {
    auto part = [&](std::size_t i) { return static_cast<double>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)) / 255.0; };
    return {part(1), part(3), part(5)};
}

// ColorBrewer "Purples" (Brewer 2003), sequential, for 1 to 7 classes. Purple is the hue the
// type families use least (only "État" is near it), so coloured points stay readable on it.
const std::vector<std::string_view>& ramp(std::size_t classes) {
    static const std::array<std::vector<std::string_view>, 8> ramps = {{
        {},
        {"#9e9ac8"},
        {"#dadaeb", "#9e9ac8"},
        {"#efedf5", "#bcbddc", "#756bb1"},
        {"#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"},
        {"#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"},
        {"#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"},
        {"#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486"},
    }};
    return ramps[std::min<std::size_t>(classes, 7)];
}

struct SurfaceCloser {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextCloser {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutCloser {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontCloser {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Draws into one cairo context; records what it draws.
class Painter {
public:
    Painter(cairo_t* cr, MapDrawing& drawing) : m_cr(cr), m_drawing(drawing) {}

    void colour(std::string_view hex, double alpha = 1) {
        const auto c = rgb(hex);
        cairo_set_source_rgba(m_cr, c.r, c.g, c.b, alpha);
    }

    /// The size of `text` at `px` pixels.
    std::pair<double, double> measure(const std::string& text, double px, bool bold = false) {
        auto layout = make_layout(text, px, bold, 0);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout.get(), &w, &h);
        return {static_cast<double>(w), static_cast<double>(h)};
    }

    /// Writes `text` with its top-left corner at (x, y); a white halo when `halo`. Returns its
    /// height. `wrap` > 0 wraps at that width.
    double text(const std::string& text, double x, double y, double px, std::string_view hex, bool bold = false,
                bool halo = false, double wrap = 0) {
        auto layout = make_layout(text, px, bold, wrap);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout.get(), &w, &h);
        m_drawing.unknown_glyphs += pango_layout_get_unknown_glyphs_count(layout.get());
        cairo_save(m_cr);
        cairo_move_to(m_cr, x, y);
        if (halo) {
            pango_cairo_layout_path(m_cr, layout.get());
            cairo_set_source_rgba(m_cr, 1, 1, 1, 0.85);
            cairo_set_line_width(m_cr, 3);
            cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
            cairo_stroke(m_cr);
            cairo_move_to(m_cr, x, y);
        }
        colour(hex);
        pango_cairo_show_layout(m_cr, layout.get());
        cairo_restore(m_cr);
        m_drawing.texts.push_back(text);
        return static_cast<double>(h);
    }

private:
    std::unique_ptr<PangoLayout, LayoutCloser> make_layout(const std::string& text, double px, bool bold, double wrap) {
        std::unique_ptr<PangoLayout, LayoutCloser> layout(pango_cairo_create_layout(m_cr));
        std::unique_ptr<PangoFontDescription, FontCloser> font(pango_font_description_from_string("DejaVu Sans"));
        pango_font_description_set_absolute_size(font.get(), px * PANGO_SCALE);
        if (bold) pango_font_description_set_weight(font.get(), PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), font.get());
        if (wrap > 0) {
            pango_layout_set_width(layout.get(), static_cast<int>(wrap * PANGO_SCALE));
            pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
        }
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        return layout;
    }

    cairo_t* m_cr;
    MapDrawing& m_drawing;
};

std::string format_value(double v, bool percent, std::int32_t decimals, core::Lang lang) {
    const std::string s = core::format_decimal(percent ? v * 100 : v, std::max(0, decimals), lang);
    return percent ? s + (lang == core::Lang::Fr ? " %" : "%") : s;
}

// Cairo names an SVG's surfaces from a process-wide counter ("surface304"): numbered again from 1
// in order of appearance, the same map gives the same bytes whatever was drawn before it.
std::string renumber_surfaces(const std::string& svg) {
    std::string out;
    out.reserve(svg.size());
    std::map<std::string, int> ids;
    const std::string word = "surface";
    std::size_t at = 0;
    while (true) {
        const auto found = svg.find(word, at);
        if (found == std::string::npos) break;
        auto end = found + word.size();
        while (end < svg.size() && svg[end] >= '0' && svg[end] <= '9') ++end;
        const bool reference = found > 0 && (svg[found - 1] == '"' || svg[found - 1] == '#');
        out.append(svg, at, found + word.size() - at);
        if (reference && end > found + word.size()) {
            const auto number = svg.substr(found + word.size(), end - found - word.size());
            const auto it = ids.emplace(number, static_cast<int>(ids.size()) + 1).first;
            out += std::to_string(it->second);
        } else {
            out.append(svg, found + word.size(), end - found - word.size());
        }
        at = end;
    }
    out.append(svg, at, std::string::npos);
    return out;
}

// 1, 2 or 5 × 10^k, the largest not above `metres`.
double nice_length(double metres) {
    const double p = std::pow(10.0, std::floor(std::log10(metres)));
    for (const double m : {5.0, 2.0, 1.0})
        if (m * p <= metres) return m * p;
    return p;
}

} // namespace

std::string draw_map(const MapSpec& spec, Format format, MapDrawing* out) {
    const core::Lang lang = spec.lang;
    if (format == Format::Dot) throw FatalError(std::string(core::message(Msg::MapFormat, lang)));
    if (spec.areas.empty()) throw FatalError(std::string(core::message(Msg::MapNothing, lang)));
    MapDrawing local;
    MapDrawing& drawing = out ? *out : local;
    drawing = MapDrawing{};

    const double W = spec.width, H = spec.height;
    std::string bytes;
    std::unique_ptr<cairo_surface_t, SurfaceCloser> surface;
    switch (format) {
    case Format::Svg: surface.reset(cairo_svg_surface_create_for_stream(append, &bytes, W, H)); break;
    case Format::Pdf: surface.reset(cairo_pdf_surface_create_for_stream(append, &bytes, W, H)); break;
    default: surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, spec.width, spec.height)); break;
    }
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw FatalError(core::tr(lang, Msg::MapCairoFailed, cairo_status_to_string(cairo_surface_status(surface.get()))));
    std::unique_ptr<cairo_t, ContextCloser> context(cairo_create(surface.get()));
    cairo_t* cr = context.get();
    Painter paint(cr, drawing);

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    // Layout: title band, map frame on the left, legend panel on the right, caption below.
    const double margin = 20, panel = 360, top = 78;
    const double caption_lines = static_cast<double>(spec.notes.size()) + 1;
    const double bottom = 16 + 17 * caption_lines;
    const Box frame{margin, top, W - panel - margin, H - bottom};

    paint.text(spec.title, margin, 14, 24, "#000000", true);
    if (!spec.subtitle.empty()) paint.text(spec.subtitle, margin, 48, 15, "#333333");

    // Extent: the areas (the markers are placed inside them).
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& a : spec.areas) {
        if (a.shape.empty()) continue;
        min_x = std::min(min_x, a.shape.min_x);
        min_y = std::min(min_y, a.shape.min_y);
        max_x = std::max(max_x, a.shape.max_x);
        max_y = std::max(max_y, a.shape.max_y);
    }
    if (min_x > max_x) throw FatalError(std::string(core::message(Msg::MapNothing, lang)));
    const double pad = 0.03;
    const double ex = std::max(max_x - min_x, 1.0), ey = std::max(max_y - min_y, 1.0);
    const double fw = frame.x1 - frame.x0, fh = frame.y1 - frame.y0;
    const double scale = std::min(fw / (ex * (1 + 2 * pad)), fh / (ey * (1 + 2 * pad))); // px per metre
    const double ox = frame.x0 + (fw - ex * scale) / 2, oy = frame.y0 + (fh - ey * scale) / 2;
    auto to_px = [&](const model::MapPoint& p) {
        return std::pair<double, double>{ox + (p.x - min_x) * scale, oy + (max_y - p.y) * scale};
    };
    auto trace = [&](const geo::Shape& shape) {
        for (const auto& ring : shape.rings) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const auto [x, y] = to_px(ring[i]);
                if (i == 0) cairo_move_to(cr, x, y);
                else cairo_line_to(cr, x, y);
            }
            cairo_close_path(cr);
        }
    };

    // Classes.
    std::vector<double> values;
    bool missing = false;
    for (const auto& a : spec.areas) {
        if (a.value) values.push_back(*a.value);
        else missing = true;
    }
    // At most one class per two areas: six territories in five classes would be five classes of
    // one value each, which says nothing a table would not.
    const auto most = std::max<std::int32_t>(1, static_cast<std::int32_t>((values.size() + 1) / 2));
    drawing.breaks = class_breaks(values, std::min(std::clamp(spec.classes, 1, 7), most), spec.method);
    const std::size_t classes = drawing.breaks.size() < 2 ? 0 : drawing.breaks.size() - 1;
    const auto& colours = ramp(classes);
    // Enough decimals for distinct bounds to read distinct (37,2 % and 37,9 %, not 37 % twice).
    std::int32_t decimals = std::max(0, spec.decimals);
    auto distinct = [&](std::int32_t d) {
        for (std::size_t i = 1; i < drawing.breaks.size(); ++i)
            if (drawing.breaks[i] != drawing.breaks[i - 1] &&
                format_value(drawing.breaks[i], spec.percent, d, lang) == format_value(drawing.breaks[i - 1], spec.percent, d, lang))
                return false;
        return true;
    };
    while (decimals < spec.decimals + 3 && !distinct(decimals)) ++decimals;

    // The map layer stays inside its frame.
    cairo_save(cr);
    cairo_rectangle(cr, frame.x0, frame.y0, fw, fh);
    cairo_clip(cr);
    cairo_new_path(cr);

    // The backdrop, then fills, then the no-data hatching, then the context lines, then the area
    // outlines.
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    if (!spec.background.empty()) {
        for (const auto& shape : spec.background) {
            trace(shape);
            ++drawing.background_shapes;
        }
        paint.colour("#f0f0f0");
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, 0.6);
        paint.colour("#c8c8c8");
        cairo_stroke(cr);
    }
    for (const auto& shape : spec.insets) {
        trace(shape);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, 0.8);
        paint.colour("#7a7a7a");
        cairo_stroke(cr);
    }
    for (const auto& a : spec.areas) {
        if (a.value && classes > 0) {
            const auto& hex = colours[static_cast<std::size_t>(class_of(drawing.breaks, *a.value))];
            trace(a.shape);
            paint.colour(hex);
            cairo_fill(cr);
            drawing.area_fill.emplace_back(hex);
        } else {
            cairo_save(cr);
            trace(a.shape);
            cairo_clip(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_paint(cr);
            paint.colour("#b0b0b0");
            cairo_set_line_width(cr, 0.8);
            for (double d = -H; d < W + H; d += 7) {
                cairo_move_to(cr, d, 0);
                cairo_line_to(cr, d + H, H);
            }
            cairo_stroke(cr);
            cairo_restore(cr);
            drawing.area_fill.emplace_back("none");
        }
    }
    cairo_set_line_width(cr, 0.35);
    paint.colour("#7a7a7a", 0.7);
    for (const auto& shape : spec.context) {
        trace(shape);
        ++drawing.context_shapes;
    }
    cairo_stroke(cr);
    cairo_set_line_width(cr, 1.3);
    paint.colour("#333333");
    for (const auto& a : spec.areas) trace(a.shape);
    cairo_stroke(cr);

    // Markers: groups at the same point spread on a Vogel spiral (golden angle), filled first,
    // larger first, so each stays visible and hollow registry entries surround them.
    double max_degree = 1;
    for (const auto& m : spec.markers)
        if (!m.hollow) max_degree = std::max(max_degree, m.degree);
    const double r_min = 2.6, r_max = 9.5, hollow_r = 3.2;
    auto radius = [&](const MapMarker& m) {
        return m.hollow ? hollow_r : r_min + (r_max - r_min) * std::sqrt(std::max(0.0, m.degree) / max_degree);
    };
    std::map<std::pair<long long, long long>, std::vector<std::size_t>> stacks;
    for (std::size_t i = 0; i < spec.markers.size(); ++i) {
        const auto& m = spec.markers[i];
        stacks[{std::llround(m.at.x), std::llround(m.at.y)}].push_back(i);
    }
    std::vector<std::pair<double, double>> pos(spec.markers.size());
    for (auto& [key, members] : stacks) {
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            const auto& ma = spec.markers[a];
            const auto& mb = spec.markers[b];
            if (ma.hollow != mb.hollow) return !ma.hollow;
            return ma.degree > mb.degree;
        });
        const auto [cx, cy] = to_px(spec.markers[members.front()].at);
        const double golden = std::numbers::pi * (3 - std::sqrt(5.0));
        for (std::size_t k = 0; k < members.size(); ++k) {
            const double r = 5.2 * std::sqrt(static_cast<double>(k));
            const double theta = static_cast<double>(k) * golden;
            pos[members[k]] = {cx + r * std::cos(theta), cy + r * std::sin(theta)};
        }
    }

    drawing.marker_at = pos;

    // Ties under the markers.
    double max_weight = 1;
    for (const auto& l : spec.lines) max_weight = std::max(max_weight, l.weight);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (const auto& l : spec.lines) {
        if (l.a >= pos.size() || l.b >= pos.size()) continue;
        cairo_set_line_width(cr, 0.6 + 2.4 * l.weight / max_weight);
        paint.colour("#222222", 0.35);
        cairo_move_to(cr, pos[l.a].first, pos[l.a].second);
        cairo_line_to(cr, pos[l.b].first, pos[l.b].second);
        cairo_stroke(cr);
        ++drawing.lines;
    }
    // Hollow markers first (under), then filled ones, largest first so small ones stay on top.
    std::vector<std::size_t> order(spec.markers.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (spec.markers[a].hollow != spec.markers[b].hollow) return spec.markers[a].hollow;
        return radius(spec.markers[a]) > radius(spec.markers[b]);
    });
    for (const std::size_t i : order) {
        const auto& m = spec.markers[i];
        const auto [x, y] = pos[i];
        if (x < frame.x0 || x > frame.x1 || y < frame.y0 || y > frame.y1) ++drawing.markers_outside;
        cairo_new_path(cr);
        cairo_arc(cr, x, y, radius(m), 0, 2 * std::numbers::pi);
        if (m.hollow) {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
            paint.colour(colour(m.family));
            cairo_set_line_width(cr, 1.6);
            cairo_stroke(cr);
            ++drawing.hollow_markers;
        } else {
            paint.colour(colour(m.family));
            cairo_fill_preserve(cr);
            paint.colour("#1a1a1a");
            cairo_set_line_width(cr, 0.7);
            cairo_stroke(cr);
            ++drawing.filled_markers;
        }
    }

    cairo_restore(cr);

    // Labels: area names at their inside point, then places (dot and name), skipping any that
    // would overlap one already written.
    // The scale bar's and the north arrow's corners are kept free of labels.
    std::vector<Box> taken{{frame.x0, frame.y1 - 40, frame.x0 + fw / 5 + 70, frame.y1},
                           {frame.x1 - 45, frame.y0, frame.x1, frame.y0 + 55}};
    auto place_label = [&](const std::string& text, double x, double y, double px, bool bold, bool centred) {
        const auto [w, h] = paint.measure(text, px, bold);
        std::vector<std::pair<double, double>> tries;
        if (centred) tries = {{x - w / 2, y - h / 2}, {x - w / 2, y - h * 1.6}, {x - w / 2, y + h * 0.6}};
        else tries = {{x + 5, y - h / 2}, {x - 5 - w, y - h / 2}, {x - w / 2, y - h - 3}, {x - w / 2, y + 3}};
        for (const auto& [tx, ty] : tries) {
            const Box box{tx - 2, ty - 1, tx + w + 2, ty + h + 1};
            if (box.x0 < frame.x0 || box.x1 > frame.x1 || box.y0 < frame.y0 || box.y1 > frame.y1) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const Box& b) { return b.overlaps(box); })) continue;
            taken.push_back(box);
            paint.text(text, tx, ty, px, "#111111", bold, true);
            ++drawing.labels;
            return true;
        }
        ++drawing.labels_skipped;
        return false;
    };
    for (const auto& a : spec.areas)
        if (!a.label.empty() && !a.shape.empty()) {
            const auto [x, y] = to_px(a.shape.inside);
            place_label(a.label, x, y, 15, true, true);
        }
    for (const auto& p : spec.places) {
        const auto [x, y] = to_px(p.at);
        if (place_label(p.name, x, y, 12, false, false)) {
            cairo_new_path(cr);
            cairo_rectangle(cr, x - 2.5, y - 2.5, 5, 5);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_fill(cr);
        }
    }

    // Scale bar (bottom left of the frame) and north arrow (top right). Lambert-93's grid north
    // is within 3° of true north over PACA (meridian convergence), so the arrow points up.
    {
        const double target = fw / 5 / scale;
        const double metres = nice_length(target);
        const double len = metres * scale;
        const double x = frame.x0 + 10, y = frame.y1 - 14;
        cairo_new_path(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_rectangle(cr, x, y, len / 2, 5);
        cairo_fill(cr);
        cairo_rectangle(cr, x, y, len, 5);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        const std::string km = metres >= 1000 ? fmt::format("{} km", metres / 1000) : fmt::format("{} m", metres);
        paint.text("0", x - 3, y - 17, 11, "#000000", false, true);
        const auto [kw, kh] = paint.measure(km, 11);
        paint.text(km, x + len - kw / 2, y - 17, 11, "#000000", false, true);
        drawing.scale_bar_metres = metres;
    }
    {
        const double x = frame.x1 - 24, y = frame.y0 + 12;
        cairo_new_path(cr);
        cairo_move_to(cr, x, y + 8);
        cairo_line_to(cr, x + 9, y + 38);
        cairo_line_to(cr, x, y + 31);
        cairo_close_path(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_fill(cr);
        cairo_move_to(cr, x, y + 8);
        cairo_line_to(cr, x - 9, y + 38);
        cairo_line_to(cr, x, y + 31);
        cairo_close_path(cr);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
        const auto [nw, nh] = paint.measure("N", 13, true);
        paint.text("N", x - nw / 2, y - 9, 13, "#000000", true, true);
        drawing.north_arrow = true;
    }

    // Legend panel.
    double lx = W - panel + 10, ly = top;
    const double text_w = panel - 50;
    auto heading = [&](const std::string& t) {
        ly += paint.text(t, lx, ly, 14, "#000000", true, false, panel - 20) + 6;
        drawing.legend.emplace_back(t, "");
    };
    auto note = [&](const std::string& t) {
        ly += paint.text(t, lx, ly, 11.5, "#333333", false, false, panel - 20) + 6;
        drawing.legend.emplace_back(t, "");
    };
    heading(spec.indicator);
    note(core::tr(lang, Msg::MapLegendClasses, label(spec.method, lang), classes));
    for (std::size_t c = 0; c < classes; ++c) {
        const double lo = c == 0 ? drawing.breaks[0] : drawing.breaks[c];
        const double hi = drawing.breaks[c + 1];
        std::string t = c == 0 && lo == hi ? format_value(lo, spec.percent, decimals, lang)
                        : c == 0           ? format_value(lo, spec.percent, decimals, lang) + " – " +
                                       format_value(hi, spec.percent, decimals, lang)
                                           : core::tr(lang, Msg::MapLegendAbove, format_value(lo, spec.percent, decimals, lang),
                                          format_value(hi, spec.percent, decimals, lang));
        cairo_new_path(cr);
        cairo_rectangle(cr, lx, ly, 26, 16);
        paint.colour(colours[c]);
        cairo_fill_preserve(cr);
        paint.colour("#333333");
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
        paint.text(t, lx + 34, ly, 12.5, "#000000", false, false, text_w);
        drawing.legend.emplace_back(t, std::string(colours[c]));
        ly += 22;
    }
    if (missing) {
        cairo_save(cr);
        cairo_new_path(cr);
        cairo_rectangle(cr, lx, ly, 26, 16);
        cairo_clip_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill(cr);
        paint.colour("#b0b0b0");
        cairo_set_line_width(cr, 0.8);
        for (double d = -16; d < 26; d += 7) {
            cairo_move_to(cr, lx + d, ly);
            cairo_line_to(cr, lx + d + 16, ly + 16);
        }
        cairo_stroke(cr);
        cairo_restore(cr);
        const std::string t(core::message(Msg::MapLegendNoData, lang));
        paint.text(t, lx + 34, ly, 12.5, "#000000", false, false, text_w);
        drawing.legend.emplace_back(t, "none");
        ly += 22;
    }
    if (!spec.markers.empty()) {
        ly += 10;
        heading(std::string(core::message(Msg::MapLegendOrganisations, lang)));
        std::vector<bool> present(std::size(type_families), false);
        bool hollow = false;
        for (const auto& m : spec.markers) {
            if (m.hollow) hollow = true;
            else present[static_cast<std::size_t>(m.family)] = true;
        }
        for (const auto family : type_families) {
            if (!present[static_cast<std::size_t>(family)]) continue;
            cairo_new_path(cr);
            cairo_arc(cr, lx + 13, ly + 8, 6, 0, 2 * std::numbers::pi);
            paint.colour(colour(family));
            cairo_fill_preserve(cr);
            paint.colour("#1a1a1a");
            cairo_set_line_width(cr, 0.7);
            cairo_stroke(cr);
            const std::string t(label(family, lang));
            ly += std::max(16.0, paint.text(t, lx + 34, ly, 12.5, "#000000", false, false, text_w)) + 5;
            drawing.legend.emplace_back(t, std::string(colour(family)));
        }
        if (hollow) {
            cairo_new_path(cr);
            cairo_arc(cr, lx + 13, ly + 8, hollow_r + 1, 0, 2 * std::numbers::pi);
            paint.colour("#555555");
            cairo_set_line_width(cr, 1.6);
            cairo_stroke(cr);
            const std::string t(core::message(Msg::MapLegendNeverCame, lang));
            ly += std::max(16.0, paint.text(t, lx + 34, ly, 12.5, "#000000", false, false, text_w)) + 5;
            drawing.legend.emplace_back(t, "hollow");
        }
        // Sizes: the largest degree, a middle one, one.
        if (max_degree > 1) {
            ly += 4;
            note(std::string(core::message(Msg::MapLegendSize, lang)));
            double x = lx + 6;
            double shown = 0; // each size once: with a largest degree of 2 or 3, the middle one is 1
            for (const double d : {max_degree, std::round(max_degree / 4), 1.0}) {
                if (d < 1 || d == shown) continue;
                shown = d;
                MapMarker m;
                m.degree = d;
                const double r = radius(m);
                cairo_new_path(cr);
                cairo_arc(cr, x + r, ly + r_max, r, 0, 2 * std::numbers::pi);
                cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
                cairo_fill_preserve(cr);
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
                cairo_set_line_width(cr, 0.7);
                cairo_stroke(cr);
                const std::string t = fmt::format("{}", static_cast<long long>(d));
                const auto [tw, th] = paint.measure(t, 11.5);
                paint.text(t, x + 2 * r + 4, ly + r_max - th / 2, 11.5, "#000000");
                drawing.legend.emplace_back(t, "size");
                x += 2 * r + tw + 22;
            }
            ly += 2 * r_max + 8;
        }
    }
    if (drawing.lines > 0) {
        cairo_new_path(cr);
        cairo_set_line_width(cr, 2);
        paint.colour("#222222", 0.5);
        cairo_move_to(cr, lx + 2, ly + 8);
        cairo_line_to(cr, lx + 26, ly + 8);
        cairo_stroke(cr);
        ly += paint.text(spec.lines_legend, lx + 34, ly, 12.5, "#000000", false, false, text_w) + 6;
        drawing.legend.emplace_back(spec.lines_legend, "line");
    }

    // Caption and credit.
    double cy = H - bottom + 8;
    for (const auto& n : spec.notes) cy += paint.text(n, margin, cy, 11.5, "#333333", false, false, W - 2 * margin) + 2;
    if (!spec.credit.empty()) {
        const auto [cw, ch] = paint.measure(spec.credit, 11);
        paint.text(spec.credit, W - margin - cw, H - ch - 6, 11, "#555555");
    }

    cairo_surface_flush(surface.get());
    if (format == Format::Png) {
        if (cairo_surface_write_to_png_stream(surface.get(), append, &bytes) != CAIRO_STATUS_SUCCESS)
            throw FatalError(core::tr(lang, Msg::MapCairoFailed, "PNG"));
    }
    context.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw FatalError(core::tr(lang, Msg::MapCairoFailed, cairo_status_to_string(cairo_surface_status(surface.get()))));
    surface.reset();
    return format == Format::Svg ? renumber_surfaces(bytes) : bytes;
}

std::string prefix_svg_ids(std::string_view svg, std::string_view prefix) {
    static constexpr std::string_view names[] = {"glyph", "surface", "clip"};
    std::string out;
    out.reserve(svg.size() + 4096);
    for (std::size_t i = 0; i < svg.size();) {
        // an id starts after `id="` where it is defined, after `#` where it is referred to
        const std::string_view rest = svg.substr(i);
        const std::size_t lead = rest.starts_with("id=\"") ? 4 : rest.starts_with('#') ? 1 : 0;
        bool prefixed = false;
        for (const auto name : names)
            if (lead > 0 && rest.substr(lead).starts_with(name)) {
                out.append(rest.substr(0, lead)).append(prefix).append(name);
                i += lead + name.size();
                prefixed = true;
                break;
            }
        if (!prefixed) out += svg[i++];
    }
    return out;
}

} // namespace maillage::render
