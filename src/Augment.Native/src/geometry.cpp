// One resampling pass per target: the managed side fuses every run of spatial ops into one matrix
// or one map, and this file applies it.
#include <memory>

#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

namespace {

void check_resampling(int32_t width, int32_t height, int32_t interpolation, int32_t border_mode) {
    aug::require(width > 0 && height > 0, "output width and height must be positive");
    aug::require(interpolation >= cv::INTER_NEAREST && interpolation <= cv::INTER_LANCZOS4, "unknown interpolation");
    aug::require(border_mode >= cv::BORDER_CONSTANT && border_mode <= cv::BORDER_REFLECT_101, "unknown border mode");
}

cv::Scalar to_scalar(const double* fill) {
    return fill == nullptr ? cv::Scalar::all(0) : cv::Scalar(fill[0], fill[1], fill[2], fill[3]);
}

}  // namespace

extern "C" AUG_API aug_status aug_image_warp(const aug_image* image, const double* inverse, int32_t width,
                                             int32_t height, int32_t interpolation, int32_t border_mode,
                                             const double* fill, aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && inverse != nullptr && out != nullptr, "image, inverse or out is null");
        check_resampling(width, height, interpolation, border_mode);
        auto result = std::make_unique<aug_image>();
        const int flags = interpolation | cv::WARP_INVERSE_MAP;
        const cv::Size size(width, height);
        if (inverse[6] == 0.0 && inverse[7] == 0.0 && inverse[8] == 1.0) {
            const cv::Mat m(2, 3, CV_64F, const_cast<double*>(inverse));
            cv::warpAffine(image->mat, result->mat, m, size, flags, border_mode, to_scalar(fill));
        } else {
            const cv::Mat m(3, 3, CV_64F, const_cast<double*>(inverse));
            cv::warpPerspective(image->mat, result->mat, m, size, flags, border_mode, to_scalar(fill));
        }
        *out = result.release();
    });
}

extern "C" AUG_API aug_status aug_image_remap(const aug_image* image, const float* map_x, const float* map_y,
                                              int32_t width, int32_t height, int32_t interpolation,
                                              int32_t border_mode, const double* fill, aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && map_x != nullptr && map_y != nullptr && out != nullptr,
                     "image, maps or out is null");
        check_resampling(width, height, interpolation, border_mode);
        const cv::Mat mx(height, width, CV_32F, const_cast<float*>(map_x));
        const cv::Mat my(height, width, CV_32F, const_cast<float*>(map_y));
        auto result = std::make_unique<aug_image>();
        cv::remap(image->mat, result->mat, mx, my, interpolation, border_mode, to_scalar(fill));
        *out = result.release();
    });
}
