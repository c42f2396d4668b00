// JPEG through libjpeg directly, in BGR order (jpeg.cpp): byte for byte what OpenCV's codec gives,
// without its per-row RGB/BGR swap. Each returns false where the caller should use OpenCV instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace aug {

// True when the data starts as a JPEG file does (SOI and the next marker's FF).
bool is_jpeg(const uint8_t* data, size_t length);

// An 8-bit gray or BGR image, as cv::imdecode(IMREAD_UNCHANGED) would decode it.
bool jpeg_decode(const uint8_t* data, size_t length, cv::Mat& out);

// The file cv::imencode(".jpg", image, {IMWRITE_JPEG_QUALITY, quality}) would write.
bool jpeg_encode(const cv::Mat& image, int quality, std::vector<uchar>& out);

}  // namespace aug
