// A PNG read back with Cairo, for the tests of what maillage draws (maps, diagrams): its size,
// its colours and how many of its pixels are not white.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>

#include <cairo.h>

namespace maillage::test {

struct Png {
    int width = 0, height = 0;
    std::int64_t non_white = 0;
    std::set<std::uint32_t> colours; ///< 0xRRGGBB
};

/// The picture in PNG bytes; a 0 × 0 one when Cairo cannot read them.
inline Png decode(const std::string& bytes) {
    std::pair<const std::string*, std::size_t> cursor{&bytes, 0};
    auto read = [](void* closure, unsigned char* data, unsigned int length) -> cairo_status_t {
        auto* s = static_cast<std::pair<const std::string*, std::size_t>*>(closure);
        if (s->second + length > s->first->size()) return CAIRO_STATUS_READ_ERROR;
        std::copy_n(s->first->data() + s->second, length, data);
        s->second += length;
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* image = cairo_image_surface_create_from_png_stream(read, &cursor);
    Png png;
    if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
        png.width = cairo_image_surface_get_width(image);
        png.height = cairo_image_surface_get_height(image);
        const unsigned char* data = cairo_image_surface_get_data(image);
        const int stride = cairo_image_surface_get_stride(image);
        for (int y = 0; y < png.height; ++y)
            for (int x = 0; x < png.width; ++x) {
                const auto px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xFFFFFFu;
                png.colours.insert(px);
                if (px != 0xFFFFFFu) ++png.non_white;
            }
    }
    cairo_surface_destroy(image);
    return png;
}

} // namespace maillage::test
