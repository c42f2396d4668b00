using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>A key given twice in one mapping is AUG2008 at the second occurrence (neither value silently wins).</summary>
public sealed class DuplicateKeyErrorTests
{
    public static TheoryData<string, string, int, int> SeedTwice => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 1
            seed: 2
            inputs:
              images: "images/*.png"
            pipeline: []
            """,
            3, 1
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 1,
              "seed": 2,
              "inputs": { "images": "images/*.png" },
              "pipeline": []
            }
            """,
            4, 3
        },
    };

    public static TheoryData<string, string, int, int> LimitTwice => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "images/*.png"
            pipeline:
              - Rotate: { limit: 5, limit: 6 }
            """,
            6, 25
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": { "images": "images/*.png" },
              "pipeline": [
                { "Rotate": { "limit": 5, "limit": 6 } }
              ]
            }
            """,
            6, 31
        },
    };

    public static TheoryData<string, string, int, int> ImagesTwice => new()
    {
        {
            ConfigText.Yaml,
            """
            version: 1
            seed: 42
            inputs:
              images: "a/*.png"
              images: "b/*.png"
            pipeline: []
            """,
            5, 3
        },
        {
            ConfigText.Json,
            """
            {
              "version": 1,
              "seed": 42,
              "inputs": {
                "images": "a/*.png",
                "images": "b/*.png"
              },
              "pipeline": []
            }
            """,
            6, 5
        },
    };

    [Theory]
    [MemberData(nameof(SeedTwice))]
    public void A_root_key_given_twice_is_reported_at_the_second(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.DuplicateKey, line, column);

        Assert.Equal("duplicate key 'seed'", error.Problem);
    }

    [Theory]
    [MemberData(nameof(LimitTwice))]
    public void An_op_parameter_given_twice_is_reported_at_the_second(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.DuplicateKey, line, column);

        Assert.Equal("duplicate key 'limit'", error.Problem);
    }

    [Theory]
    [MemberData(nameof(ImagesTwice))]
    public void A_nested_key_given_twice_is_reported_at_the_second(string path, string text, int line, int column)
    {
        var error = ConfigAssert.FailsAt(path, text, ConfigErrorCode.DuplicateKey, line, column);

        Assert.Equal("duplicate key 'images'", error.Problem);
    }
}
