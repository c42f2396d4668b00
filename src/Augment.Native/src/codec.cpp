// Image decoding and encoding through OpenCV's imgcodecs, from and to memory: Core reads each file
// itself, so that the bytes it hashes are the bytes decoded. JPEG goes through libjpeg directly
// where that gives OpenCV's result without its RGB/BGR swaps (jpeg.cpp), and PNG through zlib
// directly where that gives OpenCV's pixels and bytes with faster filtering (png_decode.cpp,
// png_encode.cpp).
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include <opencv2/imgcodecs.hpp>

#include "error.hpp"
#include "image.hpp"
#include "jpeg.hpp"
#include "png.hpp"

namespace {

bool is_jpeg_extension(const char* extension) {
    for (const char* name : {".jpg", ".jpeg", ".jpe", ".JPG", ".JPEG", ".JPE"}) {
        if (std::strcmp(extension, name) == 0) {
            return true;
        }
    }
    return false;
}

// The quality of an encode that jpeg.cpp reproduces: OpenCV's default of 95, or one quality pair.
// -1 for any other parameters.
int plain_jpeg_quality(const std::vector<int>& pairs) {
    if (pairs.empty()) {
        return 95;
    }
    return pairs.size() == 2 && pairs[0] == cv::IMWRITE_JPEG_QUALITY ? std::min(std::max(pairs[1], 0), 100) : -1;
}

bool is_png_extension(const char* extension) {
    return std::strcmp(extension, ".png") == 0 || std::strcmp(extension, ".PNG") == 0;
}

// The file the direct JPEG or PNG path writes, when it covers the image and parameters.
bool encode_directly(const cv::Mat& image, const char* extension, const std::vector<int>& pairs,
                     std::vector<uchar>& out) {
    if (is_jpeg_extension(extension)) {
        const int quality = plain_jpeg_quality(pairs);
        return quality >= 0 && aug::jpeg_encode(image, quality, out);
    }
    return is_png_extension(extension) && aug::png_encode(image, pairs, out);
}

enum class codec_path { any, opencv, direct };

aug_status decode(const uint8_t* data, int64_t length, aug_image** out, codec_path path) {
    return aug::guarded([&] {
        aug::require(data != nullptr && out != nullptr, "data or out is null");
        aug::require(length > 0 && length <= INT32_MAX, "length must be between 1 byte and 2 GiB");
        const auto size = static_cast<size_t>(length);
        cv::Mat decoded;
        const bool read = path != codec_path::opencv &&
                          ((aug::is_jpeg(data, size) && aug::jpeg_decode(data, size, decoded)) ||
                           (aug::is_png(data, size) && aug::png_decode(data, size, decoded)));
        if (!read && path == codec_path::direct) {
            throw aug::status_error(AUG_ERR_DECODE, "the direct path does not read this file");
        }
        if (!read) {
            const cv::Mat encoded(1, static_cast<int>(length), CV_8UC1, const_cast<uint8_t*>(data));
            decoded = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
        }
        if (decoded.empty()) {
            throw aug::status_error(AUG_ERR_DECODE, "OpenCV could not decode the data");
        }
        if (decoded.depth() != CV_8U && decoded.depth() != CV_16U) {
            throw aug::status_error(AUG_ERR_DECODE, "unsupported sample type: only 8- and 16-bit unsigned images");
        }
        if (decoded.channels() == 2) {
            throw aug::status_error(AUG_ERR_DECODE, "unsupported channel count 2");
        }
        auto image = std::make_unique<aug_image>();
        image->mat = std::move(decoded);
        *out = image.release();
    });
}

aug_status encode(const aug_image* image, const char* extension, const int32_t* params, int32_t param_count,
                  aug_buffer** out, codec_path path) {
    return aug::guarded([&] {
        aug::require(image != nullptr && extension != nullptr && out != nullptr, "image, extension or out is null");
        aug::require(param_count >= 0 && param_count % 2 == 0, "params must be (key, value) pairs");
        aug::require(param_count == 0 || params != nullptr, "params is null");
        const std::vector<int> pairs(params, params + param_count);
        auto buffer = std::make_unique<aug_buffer>();
        const bool written = path != codec_path::opencv && encode_directly(image->mat, extension, pairs, buffer->bytes);
        if (!written && path == codec_path::direct) {
            throw aug::status_error(AUG_ERR_ARGUMENT, std::string("the direct path does not write this ") + extension);
        }
        if (!written) {
            buffer->bytes.clear();
            if (!cv::imencode(extension, image->mat, buffer->bytes, pairs)) {
                throw aug::status_error(AUG_ERR_ARGUMENT, std::string("OpenCV could not encode to ") + extension);
            }
        }
        *out = buffer.release();
    });
}

}  // namespace

extern "C" AUG_API aug_status aug_image_decode(const uint8_t* data, int64_t length, aug_image** out) {
    return decode(data, length, out, codec_path::any);
}

extern "C" AUG_API aug_status aug_image_decode_opencv(const uint8_t* data, int64_t length, aug_image** out) {
    return decode(data, length, out, codec_path::opencv);
}

extern "C" AUG_API aug_status aug_test_image_decode_direct(const uint8_t* data, int64_t length, aug_image** out) {
    return decode(data, length, out, codec_path::direct);
}

extern "C" AUG_API aug_status aug_image_encode(const aug_image* image, const char* extension, const int32_t* params,
                                               int32_t param_count, aug_buffer** out) {
    return encode(image, extension, params, param_count, out, codec_path::any);
}

extern "C" AUG_API aug_status aug_image_encode_opencv(const aug_image* image, const char* extension,
                                                      const int32_t* params, int32_t param_count, aug_buffer** out) {
    return encode(image, extension, params, param_count, out, codec_path::opencv);
}

extern "C" AUG_API aug_status aug_test_image_encode_direct(const aug_image* image, const char* extension,
                                                           const int32_t* params, int32_t param_count,
                                                           aug_buffer** out) {
    return encode(image, extension, params, param_count, out, codec_path::direct);
}

extern "C" AUG_API aug_status aug_buffer_describe(const aug_buffer* buffer, const uint8_t** data, int64_t* length) {
    return aug::guarded([&] {
        aug::require(buffer != nullptr && data != nullptr && length != nullptr, "buffer, data or length is null");
        *data = buffer->bytes.data();
        *length = static_cast<int64_t>(buffer->bytes.size());
    });
}

extern "C" AUG_API void aug_buffer_free(aug_buffer* buffer) { delete buffer; }
