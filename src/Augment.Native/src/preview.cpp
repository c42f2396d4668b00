// Contact-sheet helpers for `dotnet augment preview`: masks drawn over images in colour, tiles pasted.
#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

namespace {

// A stable, well-spread colour per label (golden-ratio hue steps), so neighbouring instance labels differ.
cv::Vec3b label_colour(int label) {
    const double hue = std::fmod(label * 0.618033988749895, 1.0) * 180.0;
    cv::Mat hsv(1, 1, CV_8UC3, cv::Scalar(hue, 200, 255));
    cv::Mat bgr;
    cv::cvtColor(hsv, bgr, cv::COLOR_HSV2BGR);
    return bgr.at<cv::Vec3b>(0, 0);
}

}  // namespace

extern "C" AUG_API aug_status aug_image_overlay_labels(aug_image* image, const aug_image* labels, double alpha) {
    return aug::guarded([&] {
        aug::require(image != nullptr && labels != nullptr, "image or labels is null");
        cv::Mat& dst = image->mat;
        const cv::Mat& mask = labels->mat;
        aug::require(dst.type() == CV_8UC3, "the image must be 8-bit BGR");
        aug::require(mask.channels() == 1 && mask.size() == dst.size(), "labels must be one channel of the image's size");
        cv::Mat wide;
        mask.convertTo(wide, CV_32S);
        for (int y = 0; y < dst.rows; ++y) {
            auto* px = dst.ptr<cv::Vec3b>(y);
            const auto* label = wide.ptr<int>(y);
            for (int x = 0; x < dst.cols; ++x) {
                if (label[x] == 0) continue;
                const cv::Vec3b colour = label_colour(label[x]);
                for (int c = 0; c < 3; ++c) {
                    px[x][c] = cv::saturate_cast<uchar>(px[x][c] * (1.0 - alpha) + colour[c] * alpha);
                }
            }
        }
    });
}

extern "C" AUG_API aug_status aug_image_paste(aug_image* canvas, const aug_image* source, int32_t x, int32_t y) {
    return aug::guarded([&] {
        aug::require(canvas != nullptr && source != nullptr, "canvas or source is null");
        aug::require(canvas->mat.type() == source->mat.type(), "canvas and source must have the same type");
        const cv::Rect target = cv::Rect(x, y, source->mat.cols, source->mat.rows) & cv::Rect(0, 0, canvas->mat.cols, canvas->mat.rows);
        if (target.area() == 0) return;
        source->mat(cv::Rect(target.x - x, target.y - y, target.width, target.height)).copyTo(canvas->mat(target));
    });
}
