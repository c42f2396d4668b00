// The project's generator (docs/randomness.md) for fields of random values that are regenerated
// at apply time: elastic displacements and noise. xoshiro256** 1.0, NextDouble and Uniform bit for
// bit as RandomStream has them on the managed side; FieldNormal, the ziggurat that fields of normal
// values use (a Box-Muller normal costs a log, a square root and a cosine; a field of a 512x512
// image needs half a million of them).
#pragma once

#include <cmath>
#include <cstdint>

namespace aug {

// FieldNormal's tables (docs/randomness.md), computed once.
struct ziggurat {
    static constexpr double r0 = 3.442619855899;      // where the tail starts
    static constexpr double v = 9.91256303526217e-3;  // the area of each layer
    double x[129];
    double r[128];

    ziggurat() {
        double f = std::exp(-0.5 * r0 * r0);
        x[0] = v / f;
        x[1] = r0;
        x[128] = 0.0;
        for (int i = 2; i < 128; ++i) {
            x[i] = std::sqrt(-2.0 * std::log(v / x[i - 1] + f));
            f = std::exp(-0.5 * x[i] * x[i]);
        }
        for (int i = 0; i < 128; ++i) r[i] = x[i + 1] / x[i];
    }

    static const ziggurat& tables() {
        static const ziggurat instance;
        return instance;
    }
};


class xoshiro256 {
public:
    explicit xoshiro256(const uint64_t* state) : s0_(state[0]), s1_(state[1]), s2_(state[2]), s3_(state[3]) {}

    void store(uint64_t* state) const {
        state[0] = s0_;
        state[1] = s1_;
        state[2] = s2_;
        state[3] = s3_;
    }

    uint64_t next() {
        const uint64_t result = rotl(s1_ * 5, 7) * 9;
        const uint64_t t = s1_ << 17;
        s2_ ^= s0_;
        s3_ ^= s1_;
        s1_ ^= s2_;
        s0_ ^= s3_;
        s2_ ^= t;
        s3_ = rotl(s3_, 45);
        return result;
    }

    double next_double() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

    double uniform(double low, double high) { return low + ((high - low) * next_double()); }

    // FieldNormal (docs/randomness.md): Doornik's 128-layer ziggurat (ZIGNOR, "An Improved
    // Ziggurat Method to Generate Normal Random Samples", 2005) with one 64-bit output per attempt:
    // the low 7 bits choose the layer, the top 53 the uniform. 99% of draws take the first return;
    // the rest (wedges, tail, retries) is out of line so that this part inlines into the loops.
    // Loops fetch the tables once and pass them (a function-local static's guard costs per call).
    double field_normal(const ziggurat& z) {
        const uint64_t bits = next();
        const unsigned layer = static_cast<unsigned>(bits & 0x7F);
        const double u = 2.0 * (static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0)) - 1.0;
        if (std::fabs(u) < z.r[layer]) return u * z.x[layer];
        return field_normal_rest(z, layer, u);
    }

private:
    // The attempt (layer, u) failed the rectangle test: the tail, the wedge test, and further
    // attempts, drawing exactly as the loop written in one piece would.
    [[gnu::noinline]] double field_normal_rest(const ziggurat& z, unsigned layer, double u) {
        for (;;) {
            if (layer == 0) return tail(u < 0);
            const double x = u * z.x[layer];
            const double f0 = std::exp(-0.5 * (z.x[layer] * z.x[layer] - x * x));
            const double f1 = std::exp(-0.5 * (z.x[layer + 1] * z.x[layer + 1] - x * x));
            if (f1 + next_double() * (f0 - f1) < 1.0) return x;
            const uint64_t bits = next();
            layer = static_cast<unsigned>(bits & 0x7F);
            u = 2.0 * (static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0)) - 1.0;
            if (std::fabs(u) < z.r[layer]) return u * z.x[layer];
        }
    }

    // Beyond r0 (Marsaglia 1964), from uniforms in (0, 1]: 1 - NextDouble().
    double tail(bool negative) {
        constexpr double r0 = ziggurat::r0;
        double x;
        double y;
        do {
            x = std::log(1.0 - next_double()) / r0;
            y = std::log(1.0 - next_double());
        } while (-2.0 * y < x * x);
        return negative ? x - r0 : r0 - x;
    }

    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    uint64_t s0_, s1_, s2_, s3_;
};

}  // namespace aug
