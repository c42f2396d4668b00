#include "image.hpp"

#include <memory>

#include "error.hpp"

namespace {

int cv_depth(int32_t depth_bits) {
    switch (depth_bits) {
        case 8: return CV_8U;
        case 16: return CV_16U;
        default: throw aug::status_error(AUG_ERR_ARGUMENT, "depth must be 8 or 16 bits");
    }
}

}  // namespace

extern "C" AUG_API aug_status aug_image_create(int32_t width, int32_t height, int32_t depth_bits, int32_t channels,
                                               aug_image** out) {
    return aug::guarded([&] {
        aug::require(out != nullptr, "out is null");
        aug::require(width > 0 && height > 0, "width and height must be positive");
        aug::require(channels == 1 || channels == 3 || channels == 4, "channels must be 1, 3 or 4");
        auto image = std::make_unique<aug_image>();
        image->mat.create(height, width, CV_MAKETYPE(cv_depth(depth_bits), channels));
        image->mat.setTo(cv::Scalar::all(0));
        *out = image.release();
    });
}

extern "C" AUG_API aug_status aug_image_describe(const aug_image* image, aug_image_desc* out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && out != nullptr, "image or out is null");
        const cv::Mat& mat = image->mat;
        out->width = mat.cols;
        out->height = mat.rows;
        out->depth_bits = mat.depth() == CV_16U ? 16 : 8;
        out->channels = mat.channels();
        out->step = static_cast<int64_t>(mat.step[0]);
        out->data = mat.data;
    });
}

extern "C" AUG_API void aug_image_free(aug_image* image) { delete image; }
