// Fields of random values regenerated when an op is applied (docs/randomness.md, field streams):
// elastic displacement noise and GaussNoise, drawn in a fixed order from the field stream, normal
// values by FieldNormal (random.hpp).
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/hal/intrin.hpp>

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

// One gray row of GaussNoise, eight pixels at a time through OpenCV's universal intrinsics, with
// the scalar code's result: v is first clamped to [-1, max + 1], which keeps it in 32-bit range
// and changes no result (a finite v beyond either end rounds and clamps to that end either way);
// truncation, the half-away step and the clamp are then exact operations on small integers.
// For finite deltas only (the caller checks).
template <typename T>
void gray_noise_row(T* row, const double* deltas, int cols, double max) {
    int x = 0;
#if CV_SIMD128_64F
    const cv::v_float64x2 low = cv::v_setall_f64(-1.0);
    const cv::v_float64x2 high = cv::v_setall_f64(max + 1.0);
    const cv::v_float64x2 zero = cv::v_setall_f64(0.0);
    const cv::v_float64x2 top = cv::v_setall_f64(max);
    const cv::v_float64x2 half = cv::v_setall_f64(0.5);
    const cv::v_float64x2 minus_half = cv::v_setall_f64(-0.5);
    const cv::v_float64x2 one = cv::v_setall_f64(1.0);
    const auto round_clamp = [&](cv::v_float64x2 v) {
        v = cv::v_min(cv::v_max(v, low), high);
        const cv::v_float64x2 t = cv::v_cvt_f64(cv::v_trunc(v));
        const cv::v_float64x2 rest = v - t;
        const cv::v_float64x2 r = (t + (one & (rest >= half))) - (one & (rest <= minus_half));
        return cv::v_trunc(cv::v_min(cv::v_max(r, zero), top));  // two lanes
    };
    for (; x + 8 <= cols; x += 8) {
        cv::v_uint16x8 pixels;
        if constexpr (sizeof(T) == 1) {
            pixels = cv::v_load_expand(row + x);
        } else {
            pixels = cv::v_load(row + x);
        }
        cv::v_uint32x4 a;
        cv::v_uint32x4 b;
        cv::v_expand(pixels, a, b);
        const cv::v_int32x4 ai = cv::v_reinterpret_as_s32(a);
        const cv::v_int32x4 bi = cv::v_reinterpret_as_s32(b);
        const cv::v_int32x4 r0 = round_clamp(cv::v_cvt_f64(ai) + cv::v_load(deltas + x));
        const cv::v_int32x4 r1 = round_clamp(cv::v_cvt_f64_high(ai) + cv::v_load(deltas + x + 2));
        const cv::v_int32x4 r2 = round_clamp(cv::v_cvt_f64(bi) + cv::v_load(deltas + x + 4));
        const cv::v_int32x4 r3 = round_clamp(cv::v_cvt_f64_high(bi) + cv::v_load(deltas + x + 6));
        const cv::v_uint16x8 out = cv::v_pack_u(cv::v_combine_low(r0, r1), cv::v_combine_low(r2, r3));
        if constexpr (sizeof(T) == 1) {
            cv::v_pack_store(row + x, out);
        } else {
            cv::v_store(row + x, out);
        }
    }
#endif
    for (; x < cols; ++x) {
        const double value = round_half_away(static_cast<double>(row[x]) + deltas[x]);
        row[x] = static_cast<T>(std::min(std::max(value, 0.0), max));
    }
}

// GaussNoise: pixels in row-major order, per pixel one shared draw or one draw per colour channel,
// delta = (mean + sd * FieldNormal) * max, v' = clamp(round_half_away(v + delta), 0, max).
// A row's draws first, into a buffer, then the pixels: a store through a byte pointer may alias
// anything, so a loop that drew and wrote pixels in turn would keep reloading the generator's state.
// The draws are the same, in the same order.
template <typename T>
void add_gauss_noise(cv::Mat& mat, uint64_t* state, double mean, double sd, bool per_channel, bool vectorise) {
    aug::xoshiro256 rng(state);
    const aug::ziggurat& z = aug::ziggurat::tables();
    const double max = mat.depth() == CV_16U ? 65535.0 : 255.0;
    const int channels = mat.channels();
    const int colour = channels == 4 ? 3 : channels;
    const int per_pixel = per_channel ? colour : 1;
    std::vector<double> deltas(static_cast<size_t>(mat.cols) * static_cast<size_t>(per_pixel));
    // FieldNormal's values lie within +-15 (its tail ends near 14), so these deltas are finite.
    const bool gray_rows = vectorise && channels == 1 && std::isfinite((std::fabs(mean) + std::fabs(sd) * 16.0) * max);
    for (int y = 0; y < mat.rows; ++y) {
        for (double& delta : deltas) delta = (mean + sd * rng.field_normal(z)) * max;
        T* row = mat.ptr<T>(y);
        if (gray_rows) {
            gray_noise_row(row, deltas.data(), mat.cols, max);
            continue;
        }
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

namespace {

aug_status gauss_noise(aug_image* image, uint64_t* state, double mean, double standard_deviation, bool per_channel,
                       bool vectorise) {
    return aug::guarded([&] {
        aug::require(image != nullptr && state != nullptr, "image or state is null");
        if (image->mat.depth() == CV_16U) {
            add_gauss_noise<uint16_t>(image->mat, state, mean, standard_deviation, per_channel, vectorise);
        } else {
            add_gauss_noise<uint8_t>(image->mat, state, mean, standard_deviation, per_channel, vectorise);
        }
    });
}

}  // namespace

extern "C" AUG_API aug_status aug_image_gauss_noise(aug_image* image, uint64_t* state, double mean,
                                                    double standard_deviation, int32_t per_channel) {
    return gauss_noise(image, state, mean, standard_deviation, per_channel != 0, true);
}

extern "C" AUG_API aug_status aug_test_gauss_noise(aug_image* image, uint64_t* state, double mean,
                                                   double standard_deviation, int32_t per_channel, int32_t vectorise) {
    return gauss_noise(image, state, mean, standard_deviation, per_channel != 0, vectorise != 0);
}
