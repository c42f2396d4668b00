// PNG decoding straight through zlib, giving the pixels OpenCV 4.6's codec gives through libpng 1.6.
//
// For an 8-bit gray PNG, libpng undoes the SUB filter (every byte plus the one before it) a byte at
// a time, each addition waiting for the last: as long as inflating the data. Here SUB and UP are
// undone sixteen bytes at a time (SUB as a running sum within a vector plus the carry of the one
// before), average and Paeth as libpng does. The result is OpenCV's: colour comes out BGR(A) and
// 16-bit samples in the machine's order.
//
// Only files that libpng reads without any choice of its own are taken: non-interlaced gray, RGB or
// RGBA of 8 or 16 bits, IHDR first, one run of IDAT chunks holding exactly one zlib stream of exactly
// the image's filtered rows, IEND, every chunk's CRC right, and otherwise only ancillary chunks that
// do not change what OpenCV decodes (tRNS does, and PLTE, interlacing, palettes and low bit depths
// are left out). Anything else returns false and goes through OpenCV, errors and warnings included.
// DirectPngTests compare the two on files from OpenCV's encoder at every setting and on the samples.
#include <cstring>
#include <limits>

#include <zlib.h>

#include <opencv2/core/hal/intrin.hpp>

#include "png.hpp"

namespace {

constexpr size_t max_pixel_bytes = size_t{1} << 30;  // beyond this, OpenCV decides (and refuses)
constexpr uint32_t max_side = 1000000;                 // libpng's default limit on width and height

uint32_t read_u32(const uint8_t* p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

bool is_type(const uint8_t* type, const char* name) { return std::memcmp(type, name, 4) == 0; }

// libpng refuses a chunk whose type is not four ASCII letters.
bool is_letters(const uint8_t* type) {
    for (int i = 0; i < 4; ++i) {
        const uint8_t c = static_cast<uint8_t>(type[i] | 0x20);
        if (c < 'a' || c > 'z') return false;
    }
    return true;
}

// SUB: each byte plus the one bpp before it, in order. For 1, 2 and 4 bytes per pixel, sixteen bytes
// at a time: a running sum over the vector in log steps, plus the last pixel of the vector before
// (wrapping additions: the universal intrinsics' + saturates 8-bit lanes).
void unfilter_sub(uint8_t* x, size_t n, size_t bpp) {
    size_t i = bpp;
#if CV_SIMD128
    using namespace cv;
    if (bpp == 1 || bpp == 2 || bpp == 4) {
        v_uint8x16 carry = v_setzero_u8();
        for (i = 0; i + 16 <= n; i += 16) {
            v_uint8x16 v = v_load(x + i);
            if (bpp == 1) v = v_add_wrap(v, v_rotate_left<1>(v));
            if (bpp <= 2) v = v_add_wrap(v, v_rotate_left<2>(v));
            v = v_add_wrap(v, v_rotate_left<4>(v));
            v = v_add_wrap(v, v_rotate_left<8>(v));
            v = v_add_wrap(v, carry);
            v_store(x + i, v);
            if (bpp == 1) {
                carry = v_setall_u8(x[i + 15]);
            } else if (bpp == 2) {
                carry = v_reinterpret_as_u8(v_setall_u16(static_cast<uint16_t>(x[i + 14] | (x[i + 15] << 8))));
            } else {
                uint32_t last;
                std::memcpy(&last, x + i + 12, 4);
                carry = v_reinterpret_as_u8(v_setall_u32(last));
            }
        }
        if (i < bpp) i = bpp;  // an image narrower than one vector: the scalar loop from the second pixel
    }
#endif
    for (; i < n; ++i) x[i] = static_cast<uint8_t>(x[i] + x[i - bpp]);
}

void unfilter_up(uint8_t* x, const uint8_t* p, size_t n) {
    size_t i = 0;
#if CV_SIMD128
    for (; i + 16 <= n; i += 16) cv::v_store(x + i, cv::v_add_wrap(cv::v_load(x + i), cv::v_load(p + i)));
#endif
    for (; i < n; ++i) x[i] = static_cast<uint8_t>(x[i] + p[i]);
}

void unfilter_average(uint8_t* x, const uint8_t* p, size_t n, size_t bpp) {
    for (size_t i = 0; i < n; ++i) {
        const int left = i >= bpp ? x[i - bpp] : 0;
        x[i] = static_cast<uint8_t>(x[i] + ((left + p[i]) >> 1));
    }
}

void unfilter_paeth(uint8_t* x, const uint8_t* p, size_t n, size_t bpp) {
    for (size_t i = 0; i < n; ++i) {
        const int a = i >= bpp ? x[i - bpp] : 0, b = p[i], c = i >= bpp ? p[i - bpp] : 0;
        const int q = b - c, r = a - c;
        const int pa = q < 0 ? -q : q, pb = r < 0 ? -r : r, pc = q + r < 0 ? -(q + r) : q + r;
        x[i] = static_cast<uint8_t>(x[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
    }
}

// One filtered row (its type byte, then n bytes) undone in place; p is the row above, zeros for the first.
bool unfilter_row(uint8_t* row, const uint8_t* p, size_t n, size_t bpp) {
    uint8_t* x = row + 1;
    switch (row[0]) {
        case 0: return true;
        case 1: unfilter_sub(x, n, bpp); return true;
        case 2: unfilter_up(x, p, n); return true;
        case 3: unfilter_average(x, p, n, bpp); return true;
        case 4: unfilter_paeth(x, p, n, bpp); return true;
        default: return false;
    }
}

// One row from file order into OpenCV's: BGR(A) for RGB(A), 16-bit samples in the machine's order.
void opencv_order_row(const uint8_t* file, int width, int channels, bool sixteen, uint8_t* out) {
    const int colour = channels >= 3 ? 3 : 1;
    if (!sixteen) {
        if (colour == 1) {
            std::memcpy(out, file, static_cast<size_t>(width));
            return;
        }
        for (int x = 0; x < width; ++x, file += channels, out += channels) {
            out[0] = file[2];
            out[1] = file[1];
            out[2] = file[0];
            if (channels == 4) out[3] = file[3];
        }
        return;
    }
    auto* samples = reinterpret_cast<uint16_t*>(out);
    for (int x = 0; x < width; ++x, samples += channels, file += 2 * channels) {
        for (int c = 0; c < channels; ++c) {
            const uint8_t* sample = file + 2 * (c < colour ? colour - 1 - c : c);
            samples[c] = static_cast<uint16_t>((sample[0] << 8) | sample[1]);
        }
    }
}

struct inflater {
    z_stream z{};
    bool open = false;
    ~inflater() {
        if (open) inflateEnd(&z);
    }
};

}  // namespace

namespace aug {

bool is_png(const uint8_t* data, size_t length) {
    static const uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    return length >= 8 && std::memcmp(data, signature, 8) == 0;
}

bool png_decode(const uint8_t* data, size_t length, cv::Mat& out) {
    if (!is_png(data, length)) return false;
    int width = 0, height = 0, channels = 0;
    bool sixteen = false;
    size_t bpp = 0, row_bytes = 0;
    std::vector<uint8_t> rows;  // the filtered rows, each after its type byte
    inflater inf;
    enum { header, before_data, in_data, after_data } stage = header;
    bool ended = false, stream_ended = false;
    for (size_t at = 8; !ended;) {
        if (length - at < 12) return false;
        const uint32_t size = read_u32(data + at);
        if (size > length - at - 12 || size > 0x7fffffffu) return false;
        const uint8_t* type = data + at + 4;
        const uint8_t* body = type + 4;
        if (crc32(0L, type, size + 4) != read_u32(body + size)) return false;
        at += 12 + size;
        if (stage == header) {
            // Non-interlaced gray (0), RGB (2) or RGBA (6) of 8 or 16 bits, deflate, adaptive filters.
            if (!is_type(type, "IHDR") || size != 13) return false;
            const uint32_t w = read_u32(body), h = read_u32(body + 4);
            const int depth = body[8], colour = body[9];
            if (w == 0 || h == 0 || w > max_side || h > max_side) return false;
            if ((depth != 8 && depth != 16) || (colour != 0 && colour != 2 && colour != 6)) return false;
            if (body[10] != 0 || body[11] != 0 || body[12] != 0) return false;
            width = static_cast<int>(w);
            height = static_cast<int>(h);
            channels = colour == 0 ? 1 : colour == 2 ? 3 : 4;
            sixteen = depth == 16;
            bpp = static_cast<size_t>(channels) * (sixteen ? 2 : 1);
            row_bytes = bpp * w;
            if (row_bytes > max_pixel_bytes / h) return false;
            rows.resize((row_bytes + 1) * h);
            if (inflateInit(&inf.z) != Z_OK) return false;
            inf.open = true;
            inf.z.next_out = rows.data();
            inf.z.avail_out = static_cast<uInt>(rows.size());
            stage = before_data;
        } else if (is_type(type, "IDAT")) {
            if (stage == after_data) return false;
            stage = in_data;
            inf.z.next_in = const_cast<uint8_t*>(body);
            inf.z.avail_in = size;
            // The stream must end (its Adler-32 checked) with the last byte of the last IDAT, having
            // filled the rows exactly.
            while (inf.z.avail_in > 0) {
                if (stream_ended) return false;
                const int ret = inflate(&inf.z, Z_NO_FLUSH);
                if (ret == Z_STREAM_END) {
                    stream_ended = true;
                } else if (ret != Z_OK) {
                    return false;
                }
            }
        } else if (is_type(type, "IEND")) {
            if (stage != in_data && stage != after_data) return false;
            ended = true;
        } else {
            // Ancillary chunks (lower-case first letter) libpng reads without changing the pixels
            // OpenCV asks for; tRNS would add transparency, and any critical chunk is left to libpng.
            if (!is_letters(type) || (type[0] & 0x20) == 0 || is_type(type, "tRNS")) return false;
            if (stage == in_data) stage = after_data;
        }
    }
    if (!stream_ended || inf.z.avail_out != 0) return false;

    std::vector<uint8_t> zeros(row_bytes, 0);
    const uint8_t* above = zeros.data();
    out.create(height, width, CV_MAKETYPE(sixteen ? CV_16U : CV_8U, channels));
    for (int y = 0; y < height; ++y) {
        uint8_t* row = rows.data() + static_cast<size_t>(y) * (row_bytes + 1);
        if (!unfilter_row(row, above, row_bytes, bpp)) return false;
        opencv_order_row(row + 1, width, channels, sixteen, out.ptr<uint8_t>(y));
        above = row + 1;
    }
    return true;
}

}  // namespace aug
