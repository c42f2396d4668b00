// JPEG straight through libjpeg(-turbo), the library OpenCV's own JPEG codec wraps, in BGR order.
//
// OpenCV 4.6's codec asks libjpeg for RGB and swaps every row to BGR on decode, and swaps BGR to RGB
// before compressing: a byte-by-byte copy that took about an eighth of a classification build's
// CPU. libjpeg-turbo reads and writes BGR itself (JCS_EXT_BGR), with the same colour conversion, so
// the pixels decoded and the bytes encoded are the ones OpenCV gives (jpeg tests compare both
// against cv::imdecode and cv::imencode). Everything this path does not cover exactly as OpenCV
// does (CMYK, motion-JPEG without Huffman tables, anything libjpeg warns about, encoder options
// other than the quality) returns false, and the caller goes through OpenCV as before.
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <opencv2/core.hpp>

extern "C" {
#include <jpeglib.h>
}

#include "jpeg.hpp"

namespace {

struct error_manager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    bool warned;
};

void on_error(j_common_ptr info) { std::longjmp(reinterpret_cast<error_manager*>(info->err)->jump, 1); }

// Level -1 is a warning (corrupt data that libjpeg worked around): OpenCV keeps going silently, and
// whatever it does then is what the fallback reproduces. Trace messages (level >= 0) are ignored.
void on_message(j_common_ptr info, int level) {
    if (level < 0) {
        reinterpret_cast<error_manager*>(info->err)->warned = true;
    }
}

struct decoder {
    jpeg_decompress_struct info;
    error_manager error;
};

// The functions that call setjmp hold no C++ object with a destructor: a longjmp out of libjpeg
// skips destructors.
bool read_header(decoder& d, const uint8_t* data, size_t length) {
    if (setjmp(d.error.jump) != 0) {
        return false;
    }
    jpeg_mem_src(&d.info, data, static_cast<unsigned long>(length));
    jpeg_read_header(&d.info, TRUE);
    return true;
}

bool read_pixels(decoder& d, uint8_t* pixels, size_t step) {
    if (setjmp(d.error.jump) != 0) {
        return false;
    }
    jpeg_start_decompress(&d.info);
    while (d.info.output_scanline < d.info.output_height) {
        JSAMPROW row = pixels + step * d.info.output_scanline;
        if (jpeg_read_scanlines(&d.info, &row, 1) != 1) {
            return false;
        }
    }
    jpeg_finish_decompress(&d.info);
    return !d.error.warned;
}

struct encoder {
    jpeg_compress_struct info;
    error_manager error;
    unsigned char* output;
    unsigned long length;
};

bool compress(encoder& e, const uint8_t* pixels, size_t step, int width, int height, int channels, int quality) {
    if (setjmp(e.error.jump) != 0) {
        return false;
    }
    jpeg_mem_dest(&e.info, &e.output, &e.length);
    e.info.image_width = static_cast<JDIMENSION>(width);
    e.info.image_height = static_cast<JDIMENSION>(height);
    e.info.input_components = channels;
    e.info.in_color_space = channels == 3 ? JCS_EXT_BGR : JCS_GRAYSCALE;
    // OpenCV's settings: the defaults (for BGR, as for RGB: YCbCr, 4:2:0), then the quality with
    // baseline tables; no restart interval, progression or optimised Huffman tables.
    jpeg_set_defaults(&e.info);
    e.info.restart_interval = 0;
    jpeg_set_quality(&e.info, quality, TRUE);
    jpeg_start_compress(&e.info, TRUE);
    while (e.info.next_scanline < e.info.image_height) {
        JSAMPROW row = const_cast<uint8_t*>(pixels + step * e.info.next_scanline);
        jpeg_write_scanlines(&e.info, &row, 1);
    }
    jpeg_finish_compress(&e.info);
    return !e.error.warned;
}

void init_errors(error_manager& error, jpeg_error_mgr*& slot) {
    slot = jpeg_std_error(&error.pub);
    error.pub.error_exit = on_error;
    error.pub.emit_message = on_message;
    error.warned = false;
}

}  // namespace

namespace aug {

bool is_jpeg(const uint8_t* data, size_t length) {
    return length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

bool jpeg_decode(const uint8_t* data, size_t length, cv::Mat& out) {
    decoder d{};
    init_errors(d.error, d.info.err);
    jpeg_create_decompress(&d.info);
    bool ok = read_header(d, data, length);
    // One or three components (YCbCr, or RGB with an Adobe marker) are what OpenCV reads as gray or
    // BGR; four (CMYK) it converts itself. Without Huffman tables (motion JPEG) it supplies its own.
    ok = ok && !d.error.warned && (d.info.num_components == 1 || d.info.num_components == 3) &&
         d.info.data_precision == 8 && d.info.dc_huff_tbl_ptrs[0] != nullptr;
    if (ok) {
        const bool colour = d.info.num_components == 3;
        d.info.out_color_space = colour ? JCS_EXT_BGR : JCS_GRAYSCALE;
        d.info.out_color_components = colour ? 3 : 1;
        cv::Mat mat(static_cast<int>(d.info.image_height), static_cast<int>(d.info.image_width), colour ? CV_8UC3 : CV_8UC1);
        ok = read_pixels(d, mat.ptr(), mat.step);
        if (ok) {
            out = mat;
        }
    }
    jpeg_destroy_decompress(&d.info);
    return ok;
}

bool jpeg_encode(const cv::Mat& image, int quality, std::vector<uchar>& out) {
    if (image.depth() != CV_8U || (image.channels() != 1 && image.channels() != 3) || image.empty() ||
        quality < 0 || quality > 100) {
        return false;
    }
    encoder e{};
    init_errors(e.error, e.info.err);
    jpeg_create_compress(&e.info);
    const bool ok = compress(e, image.ptr(), image.step, image.cols, image.rows, image.channels(), quality);
    jpeg_destroy_compress(&e.info);
    if (ok) {
        out.assign(e.output, e.output + e.length);
    }
    std::free(e.output);
    return ok;
}

}  // namespace aug
