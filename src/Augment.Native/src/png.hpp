// PNG read and written directly through zlib (png_decode.cpp, png_encode.cpp): the pixels and bytes
// OpenCV's codec gives through libpng, with libpng's slowest per-byte loops done many bytes at a
// time. Each returns false where the caller should use OpenCV instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace aug {

// True when the data starts with the PNG signature.
bool is_png(const uint8_t* data, size_t length);

// An 8- or 16-bit gray, BGR or BGRA image, as cv::imdecode(IMREAD_UNCHANGED) would decode it, for
// non-interlaced gray, RGB and RGBA files with nothing but IHDR, IDAT, IEND and ancillary chunks that
// do not change the pixels, all intact.
bool png_decode(const uint8_t* data, size_t length, cv::Mat& out);

// The file cv::imencode(".png", image, params) would write, for 8- and 16-bit gray, BGR and BGRA
// images of more than 16 KiB of pixel data and the compression level and strategy parameters.
bool png_encode(const cv::Mat& image, const std::vector<int>& params, std::vector<uchar>& out);

}  // namespace aug
