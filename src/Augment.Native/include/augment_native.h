/* The C ABI of Augment.Native, the project's shim over the system OpenCV.
 *
 * Every export returns an aug_status. On failure the message is kept in a thread-local record that
 * aug_error_message() returns until the next failing call on the same thread. No C++ exception ever
 * crosses this boundary (see error.hpp). Handles are owned by the caller and released with the
 * matching *_free function, which accepts NULL. */
#ifndef AUGMENT_NATIVE_H
#define AUGMENT_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AUG_API __attribute__((visibility("default")))

/* Bump when the behaviour of any export changes: it is part of the engine fingerprint. */
#define AUG_SHIM_VERSION "0.1.0"

typedef int32_t aug_status;
enum {
    AUG_OK = 0,
    AUG_ERR_OPENCV = 1,        /* cv::Exception */
    AUG_ERR_STD = 2,           /* std::exception */
    AUG_ERR_UNKNOWN = 3,       /* anything else thrown */
    AUG_ERR_ARGUMENT = 4,      /* a bad argument from the caller */
    AUG_ERR_DECODE = 5,        /* OpenCV could not decode the bytes */
    AUG_ERR_OUT_OF_MEMORY = 6, /* std::bad_alloc */
};

typedef struct aug_image aug_image;
typedef struct aug_buffer aug_buffer;

/* A view of an image's pixels; valid while the image lives. Rows are `step` bytes apart. */
typedef struct aug_image_desc {
    int32_t width;
    int32_t height;
    int32_t depth_bits; /* 8 or 16 (unsigned) */
    int32_t channels;   /* 1, 3 (BGR) or 4 (BGRA) */
    int64_t step;
    uint8_t* data;
} aug_image_desc;

/* The message of the last failing call on this thread ("" if none). */
AUG_API const char* aug_error_message(void);

/* Static strings describing the engine; each pointer stays valid for the life of the process. */
AUG_API aug_status aug_engine_info(const char** opencv_version, const char** build_information,
                                   const char** shim_version, const char** shim_source_hash);

/* cv::setNumThreads: the threads OpenCV's own parallel loops may use (0: its default). The build
 * sets 1 when it runs several items at once, so the two levels do not oversubscribe the cores. */
AUG_API aug_status aug_runtime_set_threads(int32_t threads);

AUG_API aug_status aug_image_create(int32_t width, int32_t height, int32_t depth_bits, int32_t channels,
                                    aug_image** out);
AUG_API aug_status aug_image_describe(const aug_image* image, aug_image_desc* out);
AUG_API void aug_image_free(aug_image* image);

/* Decodes with IMREAD_UNCHANGED semantics: depth, channel count and alpha are kept. JPEG is read
   through libjpeg directly, into BGR (the pixels OpenCV's codec gives, without its RGB swap), and
   plain PNG through zlib directly (the pixels OpenCV's codec gives through libpng). */
AUG_API aug_status aug_image_decode(const uint8_t* data, int64_t length, aug_image** out);
/* The same through OpenCV's codecs only: the reference the direct paths are tested against. */
AUG_API aug_status aug_image_decode_opencv(const uint8_t* data, int64_t length, aug_image** out);
/* The same through the direct JPEG or PNG path only; AUG_ERR_DECODE where it would fall back to
   OpenCV: for tests of the two against each other. */
AUG_API aug_status aug_test_image_decode_direct(const uint8_t* data, int64_t length, aug_image** out);

/* Encodes to the format named by `extension` (".png", ".jpg", ...) with OpenCV's IMWRITE_* pairs. */
AUG_API aug_status aug_image_encode(const aug_image* image, const char* extension, const int32_t* params,
                                    int32_t param_count, aug_buffer** out);
/* The same through OpenCV's encoders only (the direct JPEG and PNG paths write the same bytes). */
AUG_API aug_status aug_image_encode_opencv(const aug_image* image, const char* extension, const int32_t* params,
                                           int32_t param_count, aug_buffer** out);
/* The same through the direct JPEG or PNG path only; AUG_ERR_ARGUMENT where it would fall back to
   OpenCV: for tests of the two against each other. */
AUG_API aug_status aug_test_image_encode_direct(const aug_image* image, const char* extension, const int32_t* params,
                                                int32_t param_count, aug_buffer** out);

AUG_API aug_status aug_buffer_describe(const aug_buffer* buffer, const uint8_t** data, int64_t* length);
AUG_API void aug_buffer_free(aug_buffer* buffer);

/* Geometry: one resampling pass. `inverse` is the 3x3 row-major matrix from output to input pixel
 * coordinates (pixel centres at integers); an affine one (last row 0 0 1) uses warpAffine, any other
 * warpPerspective. `fill` holds 4 values for BORDER_CONSTANT. */
AUG_API aug_status aug_image_warp(const aug_image* image, const double* inverse, int32_t width, int32_t height,
                                  int32_t interpolation, int32_t border_mode, const double* fill, aug_image** out);

/* Geometry through a per-pixel map (width * height floats each): output (x, y) samples the input at
 * (map_x, map_y)[y * width + x]. */
AUG_API aug_status aug_image_remap(const aug_image* image, const float* map_x, const float* map_y, int32_t width,
                                   int32_t height, int32_t interpolation, int32_t border_mode, const double* fill,
                                   aug_image** out);

/* Replaces every sample v of every channel by table[v], in place. The table has 256 entries for
 * 8-bit images and 65536 for 16-bit ones. */
AUG_API aug_status aug_image_lut(aug_image* image, const uint16_t* table, int32_t table_length);

/* cv::GaussianBlur in place; kernel sizes odd (or 0 to derive them from sigma), BORDER_REFLECT_101. */
AUG_API aug_status aug_image_gaussian_blur(aug_image* image, int32_t kernel_x, int32_t kernel_y, double sigma_x,
                                           double sigma_y);

/* A copy with another channel count (1, 3 or 4; alpha dropped, or added opaque) and depth (8 or 16;
 * scaled by 257 between them). */
AUG_API aug_status aug_image_convert(const aug_image* image, int32_t channels, int32_t depth_bits, aug_image** out);

/* Writes `colour` (same size; converted to the image's depth and colour channel count) into the
 * image's colour channels, keeping its alpha. */
AUG_API aug_status aug_image_set_colour(aug_image* image, const aug_image* colour);

/* Colour operations, in place. Every one keeps a 4-channel image's alpha as it was. Deltas and
 * shifts are fractions of the full scale (1.0 = 255 or 65535) unless said otherwise. */

/* Shifts hue (degrees), saturation and value in HSV; a 1-channel image gets the value shift only. */
AUG_API aug_status aug_image_hsv_shift(aug_image* image, double hue_degrees, double saturation, double value);
/* HueSaturationValue's per-pixel step on `count` float HSV pixels (hue in degrees, saturation and
   value in 0..1), in place; `vectorise` 0 runs the scalar code only: for tests of the two against
   each other. */
AUG_API aug_status aug_test_hsv_shift_pixels(float* pixels, int32_t count, double hue_degrees, double saturation,
                                            double value, int32_t vectorise);

/* torchvision-style ColorJitter: brightness, contrast and saturation factors and a hue shift in
 * degrees, applied in `order` (4 indices: 0 brightness, 1 contrast, 2 saturation, 3 hue). */
AUG_API aug_status aug_image_color_jitter(aug_image* image, double brightness, double contrast, double saturation,
                                          double hue_degrees, const int32_t* order);

/* Adds one value per channel (B, G, R[, A] order, on the image's own scale), saturating. */
AUG_API aug_status aug_image_add(aug_image* image, const double* values, int32_t count);

/* Replaces the colour channels by their luma (cv::COLOR_BGR2GRAY weights), keeping the channel count. */
AUG_API aug_status aug_image_to_gray(aug_image* image);

/* Contrast-limited adaptive histogram equalisation; colour images on the lightness of Lab. */
AUG_API aug_status aug_image_clahe(aug_image* image, double clip_limit, int32_t tiles_x, int32_t tiles_y);

/* Histogram equalisation of every colour channel (16-bit with a 65536-bin histogram). */
AUG_API aug_status aug_image_equalize(aug_image* image);

/* Sets a rectangle (clipped to the image) to `fill` (4 values), in place. */
AUG_API aug_status aug_image_fill_rect(aug_image* image, int32_t x, int32_t y, int32_t width, int32_t height,
                                       const double* fill);

/* Filters, in place. */
AUG_API aug_status aug_image_median_blur(aug_image* image, int32_t kernel);
AUG_API aug_status aug_image_filter2d(aug_image* image, const float* kernel, int32_t kernel_width, int32_t kernel_height);

/* cv::resize to a new image. */
AUG_API aug_status aug_image_resize(const aug_image* image, int32_t width, int32_t height, int32_t interpolation,
                                    aug_image** out);

/* Crops a rectangle (inside the image), cv::resize's it and mirrors the result (`flip`: 0 none, 1
 * horizontally, 2 vertically, 3 both): the path of an axis-aligned run, for area interpolation,
 * which warps do not have, and for linear, which it computes several times faster than a warp. */
AUG_API aug_status aug_image_crop_resize(const aug_image* image, int32_t x, int32_t y, int32_t width, int32_t height,
                                         int32_t out_width, int32_t out_height, int32_t interpolation, int32_t flip,
                                         aug_image** out);

/* cv::GaussianBlur of a float field (width * height values, row-major) in place; kernel from sigma. */
AUG_API aug_status aug_field_gaussian_blur(float* field, int32_t width, int32_t height, double sigma);

/* Random fields (docs/randomness.md, field streams). `state` is a xoshiro256** state of 4 words,
 * advanced in place, so the managed RandomStream continues where the shim stopped. */

/* `count` standard normal (FieldNormal, a ziggurat) or uniform [-1, 1) (Uniform) floats. */
AUG_API aug_status aug_random_field(uint64_t* state, float* out, int64_t count, int32_t gaussian);

/* GaussNoise in place: pixels in row-major order; per pixel one mean + sd * FieldNormal draw shared
 * by the colour channels or one per colour channel (`per_channel`), times the full scale (255 or
 * 65535), added, rounded half away from zero and clamped. Alpha is left alone. */
AUG_API aug_status aug_image_gauss_noise(aug_image* image, uint64_t* state, double mean, double standard_deviation,
                                         int32_t per_channel);
/* aug_image_gauss_noise; `vectorise` 0 runs the scalar code only: for tests of the two against
   each other. */
AUG_API aug_status aug_test_gauss_noise(aug_image* image, uint64_t* state, double mean, double standard_deviation,
                                        int32_t per_channel, int32_t vectorise);

/* Per-pixel maps for a run of spatial steps with a displacement field. Each stage maps output
 * coordinates one step towards the input: a 3x3 row-major inverse matrix (`inverse`), or, when
 * `inverse` is NULL, a displacement field of field_width x field_height (`dx`, `dy`; bilinear,
 * clamped to its grid) that is added. A map is built once and applied to an image and its masks. */
typedef struct aug_map aug_map;
typedef struct aug_map_stage {
    const double* inverse;
    const float* dx;
    const float* dy;
    int32_t field_width;
    int32_t field_height;
} aug_map_stage;

AUG_API aug_status aug_map_build(const aug_map_stage* stages, int32_t count, int32_t width, int32_t height,
                                 aug_map** out);
AUG_API aug_status aug_image_remap_map(const aug_image* image, const aug_map* map, int32_t interpolation,
                                       int32_t border_mode, const double* fill, aug_image** out);
AUG_API void aug_map_free(aug_map* map);
/* A built map's source coordinates, row-major (`count` = its width x height): for tests. */
AUG_API aug_status aug_test_map_values(const aug_map* map, float* x, float* y, int64_t count);

/* cv::getPerspectiveTransform from 4 source points to 4 destination points (x, y pairs) into a
 * row-major 3x3 matrix. */
AUG_API aug_status aug_perspective_transform(const double* source, const double* destination, double* matrix);

/* Preview helpers. Blends a colour per label (0 is left alone) over an 8-bit BGR image, in place. */
AUG_API aug_status aug_image_overlay_labels(aug_image* image, const aug_image* labels, double alpha);

/* Copies `source` into `canvas` with its top-left corner at (x, y), clipped; same type required. */
AUG_API aug_status aug_image_paste(aug_image* canvas, const aug_image* source, int32_t x, int32_t y);

/* link(2): a hard link at `link_path` to `existing`. Returns AUG_ERR_ARGUMENT with errno's text on
 * failure (EXDEV across file systems, EPERM where links are not allowed: the caller copies). */
AUG_API aug_status aug_file_hard_link(const char* existing, const char* link_path);

/* syncfs(2) of the file system that holds `path` (a file or folder): every write to it so far is on
 * disk when this returns. AUG_ERR_ARGUMENT with errno's text on failure (the caller fsyncs files). */
AUG_API aug_status aug_file_sync_fs(const char* path);

#ifdef __cplusplus
}
#endif

#endif /* AUGMENT_NATIVE_H */
