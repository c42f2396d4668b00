#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "augment_native.h"

// The opaque handle types of the ABI: plain owners of an OpenCV object.
struct aug_image {
    cv::Mat mat;
};

struct aug_buffer {
    std::vector<uchar> bytes;
};
