// Per-pixel maps for runs of spatial steps that include a displacement field (elastic and grid
// distortions). The managed side used to build them pixel by pixel, once per target; here the map
// is built once per run, from the same stages with the same double arithmetic (no contraction into
// fused multiply-adds: -ffp-contract=off), and applied to the image and every mask.
#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/core/hal/intrin.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include "error.hpp"
#include "image.hpp"

struct aug_map {
    cv::Mat x;
    cv::Mat y;
};

namespace {

struct stage {
    bool is_matrix;
    bool is_affine;  // last row 0 0 1: w is exactly 1 for any finite point, the division a no-op
    double m[9];
    const float* dx;
    const float* dy;
    int width;
    int height;
};

// DisplacementField.Lerp2: float differences, interpolated in double.
inline double lerp2(const float* v, int w, int x0, int y0, int x1, int y1, double fx, double fy) {
    const double top = v[(y0 * w) + x0] + (static_cast<float>(v[(y0 * w) + x1] - v[(y0 * w) + x0]) * fx);
    const double bottom = v[(y1 * w) + x0] + (static_cast<float>(v[(y1 * w) + x1] - v[(y1 * w) + x0]) * fx);
    return top + ((bottom - top) * fy);
}

inline void apply(const stage& s, double& px, double& py) {
    if (s.is_affine) {
        // Matrix3x3.Apply with w = 0 * px + 0 * py + 1 = 1 (signed zeros add to 1 exactly): x / 1 == x.
        const double* m = s.m;
        const double nx = ((m[0] * px) + (m[1] * py)) + m[2];
        const double ny = ((m[3] * px) + (m[4] * py)) + m[5];
        px = nx;
        py = ny;
        return;
    }
    if (s.is_matrix) {
        // Matrix3x3.Apply
        const double* m = s.m;
        const double w = ((m[6] * px) + (m[7] * py)) + m[8];
        const double nx = (((m[0] * px) + (m[1] * py)) + m[2]) / w;
        const double ny = (((m[3] * px) + (m[4] * py)) + m[5]) / w;
        px = nx;
        py = ny;
        return;
    }
    // DisplacementField.At: clamped to the grid, bilinear between grid points.
    const int w = s.width;
    const int h = s.height;
    const double x = px < 0 ? 0.0 : (px > w - 1 ? static_cast<double>(w - 1) : px);
    const double y = py < 0 ? 0.0 : (py > h - 1 ? static_cast<double>(h - 1) : py);
    const int x0 = std::min(static_cast<int>(x), w - 1);
    const int y0 = std::min(static_cast<int>(y), h - 1);
    const int x1 = std::min(x0 + 1, w - 1);
    const int y1 = std::min(y0 + 1, h - 1);
    const double fx = x - x0;
    const double fy = y - y0;
    const double dx = lerp2(s.dx, w, x0, y0, x1, y1, fx, fy);
    const double dy = lerp2(s.dy, w, x0, y0, x1, y1, fx, fy);
    px = px + dx;
    py = py + dy;
}

// One row of the map, stage by stage over the whole row (the same operations on each pixel as
// applying every stage to one pixel before the next: rows of doubles in, rows of doubles out). The
// field read at the output's own pixels, affine stages and the final conversion to float run two
// doubles at a time through OpenCV's universal intrinsics: the same IEEE additions, multiplications
// and roundings as the scalar code, in the same order (no fused multiply-add), so the same bits.
void build_row(const std::vector<stage>& list, bool direct, int width, int y, double* xs, double* ys, float* mx, float* my) {
    auto s = list.begin();
    const double yd = y;
    int x = 0;
    if (direct) {
        const float* dx = s->dx + static_cast<size_t>(y) * static_cast<size_t>(width);
        const float* dy = s->dy + static_cast<size_t>(y) * static_cast<size_t>(width);
#if CV_SIMD128_64F
        const cv::v_float64x2 vy = cv::v_setall_f64(yd);
        for (; x + 4 <= width; x += 4) {
            const cv::v_float32x4 fx = cv::v_load(dx + x);
            const cv::v_float32x4 fy = cv::v_load(dy + x);
            const cv::v_float64x2 x0(static_cast<double>(x), static_cast<double>(x + 1));
            const cv::v_float64x2 x1(static_cast<double>(x + 2), static_cast<double>(x + 3));
            cv::v_store(xs + x, x0 + cv::v_cvt_f64(fx));
            cv::v_store(xs + x + 2, x1 + cv::v_cvt_f64_high(fx));
            cv::v_store(ys + x, vy + cv::v_cvt_f64(fy));
            cv::v_store(ys + x + 2, vy + cv::v_cvt_f64_high(fy));
        }
#endif
        for (; x < width; ++x) {
            xs[x] = static_cast<double>(x) + static_cast<double>(dx[x]);
            ys[x] = yd + static_cast<double>(dy[x]);
        }
        ++s;
    } else {
        for (; x < width; ++x) {
            xs[x] = x;
            ys[x] = yd;
        }
    }
    for (; s != list.end(); ++s) {
        x = 0;
        if (s->is_affine) {
            const double* m = s->m;
#if CV_SIMD128_64F
            const cv::v_float64x2 m0 = cv::v_setall_f64(m[0]), m1 = cv::v_setall_f64(m[1]), m2 = cv::v_setall_f64(m[2]);
            const cv::v_float64x2 m3 = cv::v_setall_f64(m[3]), m4 = cv::v_setall_f64(m[4]), m5 = cv::v_setall_f64(m[5]);
            for (; x + 2 <= width; x += 2) {
                const cv::v_float64x2 px = cv::v_load(xs + x);
                const cv::v_float64x2 py = cv::v_load(ys + x);
                cv::v_store(xs + x, ((m0 * px) + (m1 * py)) + m2);
                cv::v_store(ys + x, ((m3 * px) + (m4 * py)) + m5);
            }
#endif
        }
        for (; x < width; ++x) apply(*s, xs[x], ys[x]);
    }
    x = 0;
#if CV_SIMD128_64F
    for (; x + 4 <= width; x += 4) {
        cv::v_store(mx + x, cv::v_cvt_f32(cv::v_load(xs + x), cv::v_load(xs + x + 2)));
        cv::v_store(my + x, cv::v_cvt_f32(cv::v_load(ys + x), cv::v_load(ys + x + 2)));
    }
#endif
    for (; x < width; ++x) {
        mx[x] = static_cast<float>(xs[x]);
        my[x] = static_cast<float>(ys[x]);
    }
}

// Maps freed by aug_map_free, kept for the next map of the same size. A map of a 512x512 image is
// 2 MB of new memory, which the C library takes from the kernel and gives back on every item: the
// page faults of touching it again cost about as much as building it. At most a few maps and
// 16 MB are kept (a build renders one item per job at a time).
class spare_maps {
public:
    static std::unique_ptr<aug_map> take(int width, int height) {
        const std::lock_guard<std::mutex> lock(mutex());
        auto& list = maps();
        for (auto it = list.begin(); it != list.end(); ++it) {
            if ((*it)->x.cols == width && (*it)->x.rows == height) {
                std::unique_ptr<aug_map> map = std::move(*it);
                list.erase(it);
                return map;
            }
        }
        return std::make_unique<aug_map>();
    }

    static void give_back(std::unique_ptr<aug_map> map) {
        if (map == nullptr) return;
        const size_t bytes = map->x.total() * map->x.elemSize() + map->y.total() * map->y.elemSize();
        const std::lock_guard<std::mutex> lock(mutex());
        auto& list = maps();
        size_t kept = bytes;
        for (const auto& spare : list) kept += spare->x.total() * spare->x.elemSize() + spare->y.total() * spare->y.elemSize();
        if (list.size() < 4 && kept <= (size_t{16} << 20)) list.push_back(std::move(map));
    }

private:
    // Never destroyed: a map may be freed while the process exits (a finalizer, another thread).
    static std::mutex& mutex() {
        static auto* instance = new std::mutex();
        return *instance;
    }

    // Room for all four from the start: give_back, called from aug_map_free, never allocates.
    static std::vector<std::unique_ptr<aug_map>>& maps() {
        static auto* instance = [] {
            auto* list = new std::vector<std::unique_ptr<aug_map>>();
            list->reserve(4);
            return list;
        }();
        return *instance;
    }
};

}  // namespace

extern "C" AUG_API aug_status aug_map_build(const aug_map_stage* stages, int32_t count, int32_t width, int32_t height,
                                            aug_map** out) {
    return aug::guarded([&] {
        aug::require(stages != nullptr && out != nullptr, "stages or out is null");
        aug::require(count > 0 && width > 0 && height > 0, "count, width and height must be positive");
        std::vector<stage> list(static_cast<size_t>(count));
        for (int32_t i = 0; i < count; ++i) {
            const aug_map_stage& in = stages[i];
            stage& s = list[static_cast<size_t>(i)];
            s.is_matrix = in.inverse != nullptr;
            s.is_affine = false;
            if (s.is_matrix) {
                std::copy(in.inverse, in.inverse + 9, s.m);
                s.is_affine = s.m[6] == 0.0 && s.m[7] == 0.0 && s.m[8] == 1.0;
            } else {
                aug::require(in.dx != nullptr && in.dy != nullptr && in.field_width > 0 && in.field_height > 0,
                             "a field stage needs both fields and their size");
            }
            s.dx = in.dx;
            s.dy = in.dy;
            s.width = in.field_width;
            s.height = in.field_height;
        }
        std::unique_ptr<aug_map> map = spare_maps::take(width, height);
        map->x.create(height, width, CV_32F);
        map->y.create(height, width, CV_32F);
        // Rows are independent: the result does not depend on how OpenCV splits them over threads
        // (cv::setNumThreads: one thread when the build runs several items at once).
        // A field that is the run's last step is sampled at the output's own pixels, where bilinear
        // interpolation returns the grid value itself (the weights are 0): read it directly. The
        // result is the same double (a zero weight adds a signed zero, and x + (-0.0) == x + 0.0 for
        // the pixel coordinates x >= 0 it is added to).
        const bool direct = !list.front().is_matrix && list.front().width == width && list.front().height == height;
        cv::parallel_for_(cv::Range(0, height), [&](const cv::Range& rows) {
            std::vector<double> xs(static_cast<size_t>(width));
            std::vector<double> ys(static_cast<size_t>(width));
            for (int y = rows.start; y < rows.end; ++y) build_row(list, direct, width, y, xs.data(), ys.data(), map->x.ptr<float>(y),
                                                                  map->y.ptr<float>(y));
        });
        *out = map.release();
    });
}

extern "C" AUG_API aug_status aug_image_remap_map(const aug_image* image, const aug_map* map, int32_t interpolation,
                                                  int32_t border_mode, const double* fill, aug_image** out) {
    return aug::guarded([&] {
        aug::require(image != nullptr && map != nullptr && out != nullptr, "image, map or out is null");
        aug::require(interpolation >= cv::INTER_NEAREST && interpolation <= cv::INTER_LANCZOS4, "unknown interpolation");
        aug::require(border_mode >= cv::BORDER_CONSTANT && border_mode <= cv::BORDER_REFLECT_101, "unknown border mode");
        const cv::Scalar value = fill == nullptr ? cv::Scalar::all(0) : cv::Scalar(fill[0], fill[1], fill[2], fill[3]);
        auto result = std::make_unique<aug_image>();
        cv::remap(image->mat, result->mat, map->x, map->y, interpolation, border_mode, value);
        *out = result.release();
    });
}

extern "C" AUG_API aug_status aug_test_map_values(const aug_map* map, float* x, float* y, int64_t count) {
    return aug::guarded([&] {
        aug::require(map != nullptr && x != nullptr && y != nullptr, "map, x or y is null");
        aug::require(count == static_cast<int64_t>(map->x.total()), "count must be the map's number of pixels");
        std::copy(map->x.ptr<float>(), map->x.ptr<float>() + count, x);
        std::copy(map->y.ptr<float>(), map->y.ptr<float>() + count, y);
    });
}

extern "C" AUG_API void aug_map_free(aug_map* map) { spare_maps::give_back(std::unique_ptr<aug_map>(map)); }
