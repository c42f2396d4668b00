// Fields of random values regenerated when an op is applied (docs/randomness.md, field streams):
// elastic displacement noise and GaussNoise, drawn in a fixed order from the field stream, normal
// values by FieldNormal (random.hpp).
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>

#include "error.hpp"
#include "image.hpp"
#include "random.hpp"

extern "C" AUG_API aug_status aug_random_field(uint64_t* state, float* out, int64_t count, int32_t gaussian) {
    return aug::guarded([&] {
        aug::require(state != nullptr && out != nullptr, "state or out is null");
        aug::require(count >= 0, "count must not be negative");
        aug::xoshiro256 rng(state);
        if (gaussian != 0) {
            const aug::ziggurat& z = aug::ziggurat::tables();
            for (int64_t i = 0; i < count; ++i) out[i] = static_cast<float>(rng.field_normal(z));
        } else {
            for (int64_t i = 0; i < count; ++i) out[i] = static_cast<float>(rng.uniform(-1.0, 1.0));
        }
        rng.store(state);
    });
}

namespace {

// std::round (half away from zero) for |v| < 2^52, without the library call (baseline x86-64 has no
// rounding instruction): truncate, then step away from zero when the exact remainder is at least 0.5.
// Written without branches: which way a remainder goes is a coin toss for noise.
inline double round_half_away(double v) {
    const double t = static_cast<double>(static_cast<int64_t>(v));
    const double rest = v - t;
    return t + (rest >= 0.5 ? 1.0 : 0.0) - (rest <= -0.5 ? 1.0 : 0.0);
}

// GaussNoise: pixels in row-major order, per pixel one shared draw or one draw per colour channel,
// delta = (mean + sd * FieldNormal) * max, v' = clamp(round_half_away(v + delta), 0, max).
// A row's draws first, into a buffer, then the pixels: a store through a byte pointer may alias
// anything, so a loop that drew and wrote pixels in turn would keep reloading the generator's state.
// The draws are the same, in the same order.
template <typename T>
void add_gauss_noise(cv::Mat& mat, uint64_t* state, double mean, double sd, bool per_channel) {
    aug::xoshiro256 rng(state);
    const aug::ziggurat& z = aug::ziggurat::tables();
    const double max = mat.depth() == CV_16U ? 65535.0 : 255.0;
    const int channels = mat.channels();
    const int colour = channels == 4 ? 3 : channels;
    const int per_pixel = per_channel ? colour : 1;
    std::vector<double> deltas(static_cast<size_t>(mat.cols) * static_cast<size_t>(per_pixel));
    for (int y = 0; y < mat.rows; ++y) {
        for (double& delta : deltas) delta = (mean + sd * rng.field_normal(z)) * max;
        T* row = mat.ptr<T>(y);
        for (int x = 0; x < mat.cols; ++x) {
            T* pixel = row + static_cast<ptrdiff_t>(x) * channels;
            const double* drawn = deltas.data() + static_cast<ptrdiff_t>(x) * per_pixel;
            for (int c = 0; c < colour; ++c) {
                const double value = round_half_away(static_cast<double>(pixel[c]) + drawn[per_channel ? c : 0]);
                pixel[c] = static_cast<T>(std::min(std::max(value, 0.0), max));
            }
        }
    }
    rng.store(state);
}

}  // namespace

extern "C" AUG_API aug_status aug_image_gauss_noise(aug_image* image, uint64_t* state, double mean,
                                                    double standard_deviation, int32_t per_channel) {
    return aug::guarded([&] {
        aug::require(image != nullptr && state != nullptr, "image or state is null");
        if (image->mat.depth() == CV_16U) {
            add_gauss_noise<uint16_t>(image->mat, state, mean, standard_deviation, per_channel != 0);
        } else {
            add_gauss_noise<uint8_t>(image->mat, state, mean, standard_deviation, per_channel != 0);
        }
    });
}
