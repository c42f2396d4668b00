// PNG encoding straight through zlib, giving the bytes OpenCV 4.6's codec writes through libpng 1.6.
//
// With a compression level given, libpng picks each row's filter by trying all five (none, sub, up,
// average, Paeth) and keeping the one whose bytes, read as signed, have the smallest sum of
// magnitudes, a byte at a time: about a quarter of the time a 512x512 gray image took to encode.
// Here the five filtered rows and their sums come from one pass, sixteen bytes at a time; the rule
// is libpng's (its order, its strict "smaller", its treatment of the first row and the first pixel,
// its restrictions for one-row and one-column images). The chosen rows go to zlib's deflate with
// the parameters libpng gives it, row by row, and the stream is cut into IDAT chunks of libpng's
// 8 KiB. OpenCV's own settings are reproduced: a level selects the adaptive filters and the default
// strategy, no level means the SUB filter and level 1 with the run-length strategy, colour is
// written as RGB, 16-bit samples big-endian, and no chunk but IHDR, IDAT and IEND.
//
// Not covered, so left to OpenCV (false): images of 16 KiB of filtered data or less (libpng shrinks
// the zlib window for those), 2 channels, other depths, and any other encoder parameter. The tests
// compare every covered case with cv::imencode byte for byte (DirectPngTests).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

#include <zlib.h>

#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/imgcodecs.hpp>

#include "png.hpp"

namespace {

// libpng's PNG_FILTER_* bits; filter type t (0 none .. 4 Paeth) is bit 0x08 << t.
constexpr unsigned none_bit = 0x08, sub_bit = 0x10, up_bit = 0x20, avg_bit = 0x40, paeth_bit = 0x80;
constexpr unsigned all_filters = none_bit | sub_bit | up_bit | avg_bit | paeth_bit;
constexpr size_t idat_size = 8192;            // libpng's PNG_ZBUF_SIZE: an IDAT chunk per full buffer
constexpr size_t small_image_bytes = 16384;   // at or below this libpng reduces the zlib window

struct settings {
    int level;
    int strategy;
    unsigned filters;
};

// OpenCV's reading of the parameters: a compression level selects the default strategy (a later
// strategy parameter overrides it) and libpng's adaptive filters; without one, OpenCV tunes for
// speed with the SUB filter, zlib level 1 and the run-length strategy.
bool read_settings(const std::vector<int>& params, settings& out) {
    int level = -1;
    int strategy = Z_RLE;
    for (size_t i = 0; i + 1 < params.size(); i += 2) {
        if (params[i] == cv::IMWRITE_PNG_COMPRESSION) {
            strategy = Z_DEFAULT_STRATEGY;
            level = params[i + 1];
            if (level < 0 || level > 9) return false;
        } else if (params[i] == cv::IMWRITE_PNG_STRATEGY) {
            strategy = params[i + 1];
        } else {
            return false;
        }
    }
    if (strategy < Z_DEFAULT_STRATEGY || strategy > Z_FIXED) return false;
    out = level >= 0 ? settings{level, strategy, all_filters} : settings{Z_BEST_SPEED, strategy, sub_bit};
    return true;
}

// How libpng scores a filtered byte: its magnitude read as a signed byte.
inline unsigned cost(uint8_t v) { return v < 128 ? v : 256u - v; }

inline int paeth_predictor(int a, int b, int c) {
    const int p = b - c;
    const int q = a - c;
    const int pa = std::abs(p), pb = std::abs(q), pc = std::abs(p + q);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// One row's bytes in file order: RGB(A) for BGR(A), 16-bit samples big-endian.
void file_order_row(const uint8_t* source, int width, int channels, bool sixteen, uint8_t* out) {
    const int colour = channels >= 3 ? 3 : 1;
    if (!sixteen) {
        if (colour == 1) {
            std::memcpy(out, source, static_cast<size_t>(width));
            return;
        }
        for (int x = 0; x < width; ++x, source += channels, out += channels) {
            out[0] = source[2];
            out[1] = source[1];
            out[2] = source[0];
            if (channels == 4) out[3] = source[3];
        }
        return;
    }
    const auto* samples = reinterpret_cast<const uint16_t*>(source);
    for (int x = 0; x < width; ++x, samples += channels) {
        for (int c = 0; c < channels; ++c) {
            const uint16_t v = samples[c < colour ? colour - 1 - c : c];
            *out++ = static_cast<uint8_t>(v >> 8);
            *out++ = static_cast<uint8_t>(v & 0xff);
        }
    }
}

// The five filtered forms of a row of n bytes and their scores. x and p (the previous row, zeros for
// the first) each have bpp zero bytes before them, so the left neighbours need no special case.
// rows[t] is filter type t: its type byte, then the n filtered bytes.
void filter_row(const uint8_t* x, const uint8_t* p, size_t n, size_t bpp, uint8_t* rows[5], uint64_t sums[5]) {
    for (int t = 0; t < 5; ++t) {
        rows[t][0] = static_cast<uint8_t>(t);
        sums[t] = 0;
    }
    size_t i = 0;
#if CV_SIMD128
    using namespace cv;
    const v_uint8x16 zero = v_setzero_u8();
    const auto score = [&](const v_uint8x16& v) { return v_reduce_sad(v_min(v, v_sub_wrap(zero, v)), zero); };
    for (; i + 16 <= n; i += 16) {
        const v_uint8x16 xv = v_load(x + i), a = v_load(x + i - bpp), b = v_load(p + i), c = v_load(p + i - bpp);
        v_uint16x8 a0, a1, b0, b1, c0, c1;
        v_expand(a, a0, a1);
        v_expand(b, b0, b1);
        v_expand(c, c0, c1);
        const auto paeth = [](const v_uint16x8& a16, const v_uint16x8& b16, const v_uint16x8& c16) {
            const v_int16x8 pv = v_reinterpret_as_s16(b16) - v_reinterpret_as_s16(c16);
            const v_int16x8 qv = v_reinterpret_as_s16(a16) - v_reinterpret_as_s16(c16);
            const v_uint16x8 pa = v_abs(pv), pb = v_abs(qv), pc = v_abs(pv + qv);
            return v_select((pa <= pb) & (pa <= pc), a16, v_select(pb <= pc, b16, c16));
        };
        const v_uint8x16 avg = v_pack((a0 + b0) >> 1, (a1 + b1) >> 1);
        const v_uint8x16 pred = v_pack(paeth(a0, b0, c0), paeth(a1, b1, c1));
        const v_uint8x16 filtered[5] = {xv, v_sub_wrap(xv, a), v_sub_wrap(xv, b), v_sub_wrap(xv, avg),
                                        v_sub_wrap(xv, pred)};
        for (int t = 0; t < 5; ++t) {
            v_store(rows[t] + 1 + i, filtered[t]);
            sums[t] += score(filtered[t]);
        }
    }
#endif
    for (; i < n; ++i) {
        const int xv = x[i], a = x[i - bpp], b = p[i], c = p[i - bpp];
        const uint8_t filtered[5] = {
            static_cast<uint8_t>(xv), static_cast<uint8_t>(xv - a), static_cast<uint8_t>(xv - b),
            static_cast<uint8_t>(xv - (a + b) / 2), static_cast<uint8_t>(xv - paeth_predictor(a, b, c))};
        for (int t = 0; t < 5; ++t) {
            rows[t][1 + i] = filtered[t];
            sums[t] += cost(filtered[t]);
        }
    }
}

// The SUB filter alone, into out (its type byte, then the n filtered bytes): OpenCV's speed-tuned
// setting uses only this one, so there is nothing to score.
void sub_row(const uint8_t* x, size_t n, size_t bpp, uint8_t* out) {
    out[0] = 1;
    size_t i = 0;
#if CV_SIMD128
    for (; i + 16 <= n; i += 16) cv::v_store(out + 1 + i, cv::v_sub_wrap(cv::v_load(x + i), cv::v_load(x + i - bpp)));
#endif
    for (; i < n; ++i) out[1 + i] = static_cast<uint8_t>(x[i] - x[i - bpp]);
}

// libpng's png_write_find_filter: a single filter is used as it is; otherwise none sets the bar when
// it is allowed, and each allowed filter in turn replaces the best only with a strictly smaller sum.
int choose_filter(unsigned filters, const uint64_t sums[5]) {
    int only = -1;
    int count = 0;
    for (int t = 0; t < 5; ++t) {
        if ((filters & (none_bit << t)) != 0) {
            only = t;
            ++count;
        }
    }
    if (count == 1) return only;
    int best = 0;
    uint64_t least = (filters & none_bit) != 0 ? sums[0] : std::numeric_limits<uint64_t>::max();
    for (int t = 1; t < 5; ++t) {
        if ((filters & (none_bit << t)) != 0 && sums[t] < least) {
            least = sums[t];
            best = t;
        }
    }
    return best;
}

void put_u32(std::vector<uchar>& out, uint32_t v) {
    const uchar bytes[4] = {static_cast<uchar>(v >> 24), static_cast<uchar>(v >> 16), static_cast<uchar>(v >> 8),
                            static_cast<uchar>(v)};
    out.insert(out.end(), bytes, bytes + 4);
}

void put_chunk(std::vector<uchar>& out, const char* type, const uchar* data, size_t length) {
    put_u32(out, static_cast<uint32_t>(length));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (length > 0) out.insert(out.end(), data, data + length);
    const uLong crc = crc32(0L, out.data() + start, static_cast<uInt>(4 + length));
    put_u32(out, static_cast<uint32_t>(crc));
}

// libpng's png_compress_IDAT: deflate writes into an 8 KiB buffer, which becomes an IDAT chunk each
// time it fills and once more, if not empty, when the stream ends. The buffer's size matters beyond
// the chunks: at level 0 zlib sizes its stored blocks by the output space it is given.
class idat_writer {
public:
    explicit idat_writer(std::vector<uchar>& out) : out_(out) {}
    idat_writer(const idat_writer&) = delete;
    idat_writer& operator=(const idat_writer&) = delete;
    ~idat_writer() {
        if (open_) deflateEnd(&z_);
    }

    bool open(int level, int strategy) {
        open_ = deflateInit2(&z_, level, Z_DEFLATED, 15, 8, strategy) == Z_OK;
        reset();
        return open_;
    }

    bool write(const uint8_t* data, size_t length) {
        z_.next_in = const_cast<uint8_t*>(data);
        z_.avail_in = static_cast<uInt>(length);
        while (z_.avail_in > 0) {
            if (deflate(&z_, Z_NO_FLUSH) != Z_OK) return false;
            if (z_.avail_out == 0) emit(idat_size);
        }
        return true;
    }

    bool finish() {
        for (;;) {
            const int ret = deflate(&z_, Z_FINISH);
            const bool full = z_.avail_out == 0;
            if (full) emit(idat_size);
            if (ret == Z_STREAM_END) {
                if (!full && z_.avail_out < idat_size) emit(idat_size - z_.avail_out);
                return true;
            }
            if (ret != Z_OK || !full) return false;
        }
    }

private:
    void reset() {
        z_.next_out = buffer_;
        z_.avail_out = static_cast<uInt>(idat_size);
    }

    void emit(size_t length) {
        put_chunk(out_, "IDAT", buffer_, length);
        reset();
    }

    std::vector<uchar>& out_;
    z_stream z_{};
    bool open_ = false;
    uchar buffer_[idat_size];
};

}  // namespace

namespace aug {

bool png_encode(const cv::Mat& image, const std::vector<int>& params, std::vector<uchar>& out) {
    settings s{};
    if (!read_settings(params, s)) return false;
    const int depth = image.depth(), channels = image.channels();
    if ((depth != CV_8U && depth != CV_16U) || (channels != 1 && channels != 3 && channels != 4)) return false;
    if (image.cols <= 0 || image.rows <= 0) return false;
    const bool sixteen = depth == CV_16U;
    const size_t bpp = static_cast<size_t>(channels) * (sixteen ? 2 : 1);
    const size_t row_bytes = bpp * static_cast<size_t>(image.cols);
    const size_t data_bytes = (row_bytes + 1) * static_cast<size_t>(image.rows);
    if (data_bytes <= small_image_bytes || data_bytes > std::numeric_limits<uInt>::max() / 2) return false;

    // libpng's png_write_start_row: no filter that needs the row above for a single row, none that
    // needs the pixel to the left for a single column.
    unsigned filters = s.filters;
    if (image.rows == 1) filters &= ~(up_bit | avg_bit | paeth_bit);
    if (image.cols == 1) filters &= ~(sub_bit | avg_bit | paeth_bit);
    if (filters == 0) filters = none_bit;

    out.clear();
    static const uchar signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    out.insert(out.end(), signature, signature + 8);
    uchar header[13];
    const uint32_t size[2] = {static_cast<uint32_t>(image.cols), static_cast<uint32_t>(image.rows)};
    for (int k = 0; k < 2; ++k) {
        for (int b = 0; b < 4; ++b) header[4 * k + b] = static_cast<uchar>(size[k] >> (24 - 8 * b));
    }
    header[8] = sixteen ? 16 : 8;
    header[9] = channels == 1 ? 0 : channels == 3 ? 2 : 6;  // gray, RGB, RGBA
    header[10] = header[11] = header[12] = 0;               // deflate, adaptive filtering, no interlace
    put_chunk(out, "IHDR", header, sizeof header);

    idat_writer idat(out);
    if (!idat.open(s.level, s.strategy)) return false;
    // Two rows in file order, each after bpp zero bytes (the left neighbours of the first pixel); the
    // previous one starts as zeros, as libpng's does.
    std::vector<uint8_t> lines(2 * (bpp + row_bytes), 0);
    uint8_t* current = lines.data() + bpp;
    uint8_t* previous = lines.data() + 2 * bpp + row_bytes;
    std::vector<uint8_t> filtered(5 * (row_bytes + 1));
    uint8_t* rows[5];
    for (int t = 0; t < 5; ++t) rows[t] = filtered.data() + static_cast<size_t>(t) * (row_bytes + 1);
    uint64_t sums[5];
    for (int y = 0; y < image.rows; ++y) {
        file_order_row(image.ptr<uint8_t>(y), image.cols, channels, sixteen, current);
        if (filters == sub_bit) {
            sub_row(current, row_bytes, bpp, rows[1]);
            if (!idat.write(rows[1], row_bytes + 1)) return false;
        } else {
            filter_row(current, previous, row_bytes, bpp, rows, sums);
            if (!idat.write(rows[choose_filter(filters, sums)], row_bytes + 1)) return false;
        }
        std::swap(current, previous);
    }
    if (!idat.finish()) return false;
    put_chunk(out, "IEND", nullptr, 0);
    return true;
}

}  // namespace aug
