// Helpers for geometry that is sampled on the managed side: smoothing random displacement fields
// and solving for perspective transforms.
#include <opencv2/imgproc.hpp>

#include "error.hpp"

extern "C" AUG_API aug_status aug_field_gaussian_blur(float* field, int32_t width, int32_t height, double sigma) {
    return aug::guarded([&] {
        aug::require(field != nullptr, "field is null");
        aug::require(width > 0 && height > 0 && sigma > 0, "size and sigma must be positive");
        cv::Mat f(height, width, CV_32F, field);
        cv::GaussianBlur(f, f, cv::Size(0, 0), sigma, sigma, cv::BORDER_REFLECT_101);
    });
}

extern "C" AUG_API aug_status aug_perspective_transform(const double* source, const double* destination,
                                                        double* matrix) {
    return aug::guarded([&] {
        aug::require(source != nullptr && destination != nullptr && matrix != nullptr, "an argument is null");
        cv::Point2f from[4];
        cv::Point2f to[4];
        for (int i = 0; i < 4; ++i) {
            from[i] = cv::Point2f(static_cast<float>(source[2 * i]), static_cast<float>(source[2 * i + 1]));
            to[i] = cv::Point2f(static_cast<float>(destination[2 * i]), static_cast<float>(destination[2 * i + 1]));
        }
        const cv::Mat m = cv::getPerspectiveTransform(from, to);
        for (int i = 0; i < 9; ++i) matrix[i] = m.at<double>(i / 3, i % 3);
    });
}
