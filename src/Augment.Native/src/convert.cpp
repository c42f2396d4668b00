// Channel-count and depth conversions, for ops that need another form of the image for a moment
// (a JPEG round trip of a 16-bit or RGBA image) and write the result back.
#include <memory>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

namespace {

cv::Mat convert_channels(const cv::Mat& mat, int channels) {
    if (mat.channels() == channels) return mat;
    static const int codes[5][5] = {
        {0, 0, 0, 0, 0},
        {0, 0, 0, cv::COLOR_GRAY2BGR, cv::COLOR_GRAY2BGRA},
        {0, 0, 0, 0, 0},
        {0, cv::COLOR_BGR2GRAY, 0, 0, cv::COLOR_BGR2BGRA},
        {0, cv::COLOR_BGRA2GRAY, 0, cv::COLOR_BGRA2BGR, 0},
    };
    cv::Mat result;
    cv::cvtColor(mat, result, codes[mat.channels()][channels]);
    return result;
}

cv::Mat convert_depth(const cv::Mat& mat, int depth) {
    if (mat.depth() == depth) return mat;
    cv::Mat result;
    mat.convertTo(result, depth, depth == CV_16U ? 257.0 : 1.0 / 257.0);
    return result;
}

}  // namespace

extern "C" AUG_API aug_status aug_image_convert(const aug_image* image, int32_t channels, int32_t depth_bits,
                                               aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && out != nullptr, "image or out is null");
        aug::require(channels == 1 || channels == 3 || channels == 4, "channels must be 1, 3 or 4");
        aug::require(depth_bits == 8 || depth_bits == 16, "depth must be 8 or 16 bits");
        auto result = std::make_unique<aug_image>();
        result->mat = convert_depth(convert_channels(image->mat, channels), depth_bits == 16 ? CV_16U : CV_8U).clone();
        *out = result.release();
    });
}

extern "C" AUG_API aug_status aug_image_set_colour(aug_image* image, const aug_image* colour) {
    return aug::guarded([&] {
        aug::require(image != nullptr && colour != nullptr, "image or colour is null");
        cv::Mat& dst = image->mat;
        aug::require(dst.size() == colour->mat.size(), "the colour image must have the image's size");
        const int colour_channels = dst.channels() == 4 ? 3 : dst.channels();
        const cv::Mat src = convert_depth(convert_channels(colour->mat, colour_channels), dst.depth());
        if (dst.channels() != 4) {
            src.copyTo(dst);
            return;
        }
        std::vector<cv::Mat> planes;
        cv::split(dst, planes);
        std::vector<cv::Mat> merged;
        cv::split(src, merged);
        merged.push_back(planes[3]);
        cv::merge(merged, dst);
    });
}
