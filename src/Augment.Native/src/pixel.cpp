// Photometric operations on an image, in place. Parameters are sampled on the managed side; these
// functions are deterministic.
#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

extern "C" AUG_API aug_status aug_image_lut(aug_image* image, const uint16_t* table, int32_t table_length) {
    return aug::guarded([&] {
        aug::require(image != nullptr && table != nullptr, "image or table is null");
        cv::Mat& mat = image->mat;
        if (mat.depth() == CV_8U) {
            aug::require(table_length == 256, "an 8-bit image needs a 256-entry table");
            cv::Mat lut(1, 256, CV_8U);
            for (int i = 0; i < 256; ++i) {
                aug::require(table[i] <= 255, "an 8-bit table entry exceeds 255");
                lut.at<uchar>(i) = static_cast<uchar>(table[i]);
            }
            cv::LUT(mat, lut, mat);
            return;
        }
        // cv::LUT takes 8-bit input only; a 16-bit table is applied directly.
        aug::require(mat.depth() == CV_16U && table_length == 65536, "a 16-bit image needs a 65536-entry table");
        const int samples_per_row = mat.cols * mat.channels();
        for (int y = 0; y < mat.rows; ++y) {
            auto* row = mat.ptr<uint16_t>(y);
            for (int i = 0; i < samples_per_row; ++i) {
                row[i] = table[row[i]];
            }
        }
    });
}

extern "C" AUG_API aug_status aug_image_gaussian_blur(aug_image* image, int32_t kernel_x, int32_t kernel_y,
                                                      double sigma_x, double sigma_y) {
    return aug::guarded([&] {
        aug::require(image != nullptr, "image is null");
        aug::require(kernel_x >= 0 && kernel_y >= 0 && (kernel_x == 0 || kernel_x % 2 == 1) &&
                         (kernel_y == 0 || kernel_y % 2 == 1),
                     "kernel sizes must be odd or 0");
        cv::GaussianBlur(image->mat, image->mat, cv::Size(kernel_x, kernel_y), sigma_x, sigma_y,
                         cv::BORDER_REFLECT_101);
    });
}
