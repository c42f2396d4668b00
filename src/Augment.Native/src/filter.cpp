// Neighbourhood filters and resizing.
#include <memory>

#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

extern "C" AUG_API aug_status aug_image_median_blur(aug_image* image, int32_t kernel) {
    return aug::guarded([&] {
        aug::require(image != nullptr, "image is null");
        aug::require(kernel >= 3 && kernel % 2 == 1, "the median kernel must be odd and at least 3");
        // OpenCV's median filter takes 16-bit images with kernels of 3 and 5 only.
        aug::require(image->mat.depth() == CV_8U || kernel <= 5, "16-bit images take median kernels of 3 or 5");
        cv::medianBlur(image->mat, image->mat, kernel);
    });
}

extern "C" AUG_API aug_status aug_image_filter2d(aug_image* image, const float* kernel, int32_t kernel_width,
                                                 int32_t kernel_height) {
    return aug::guarded([&] {
        aug::require(image != nullptr && kernel != nullptr, "image or kernel is null");
        aug::require(kernel_width > 0 && kernel_height > 0, "kernel size must be positive");
        const cv::Mat k(kernel_height, kernel_width, CV_32F, const_cast<float*>(kernel));
        cv::filter2D(image->mat, image->mat, -1, k, cv::Point(-1, -1), 0, cv::BORDER_REFLECT_101);
    });
}

extern "C" AUG_API aug_status aug_image_resize(const aug_image* image, int32_t width, int32_t height,
                                              int32_t interpolation, aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && out != nullptr, "image or out is null");
        aug::require(width > 0 && height > 0, "width and height must be positive");
        aug::require(interpolation >= cv::INTER_NEAREST && interpolation <= cv::INTER_LANCZOS4, "unknown interpolation");
        auto result = std::make_unique<aug_image>();
        cv::resize(image->mat, result->mat, cv::Size(width, height), 0, 0, interpolation);
        *out = result.release();
    });
}

extern "C" AUG_API aug_status aug_image_fill_rect(aug_image* image, int32_t x, int32_t y, int32_t width, int32_t height,
                                                 const double* fill) {
    return aug::guarded([&] {
        aug::require(image != nullptr && fill != nullptr, "image or fill is null");
        const cv::Rect rect = cv::Rect(x, y, width, height) & cv::Rect(0, 0, image->mat.cols, image->mat.rows);
        if (rect.area() > 0) {
            image->mat(rect).setTo(cv::Scalar(fill[0], fill[1], fill[2], fill[3]));
        }
    });
}

extern "C" AUG_API aug_status aug_image_crop_resize(const aug_image* image, int32_t x, int32_t y, int32_t width,
                                                   int32_t height, int32_t out_width, int32_t out_height,
                                                   int32_t interpolation, int32_t flip, aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && out != nullptr, "image or out is null");
        aug::require(flip >= 0 && flip <= 3, "flip must be 0-3");
        const cv::Rect crop(x, y, width, height);
        aug::require(width > 0 && height > 0 && (crop & cv::Rect(0, 0, image->mat.cols, image->mat.rows)) == crop,
                     "the crop must lie inside the image");
        aug::require(out_width > 0 && out_height > 0, "output size must be positive");
        auto result = std::make_unique<aug_image>();
        cv::resize(image->mat(crop), result->mat, cv::Size(out_width, out_height), 0, 0, interpolation);
        if (flip != 0) {
            cv::flip(result->mat, result->mat, flip == 1 ? 1 : flip == 2 ? 0 : -1);
        }
        *out = result.release();
    });
}
