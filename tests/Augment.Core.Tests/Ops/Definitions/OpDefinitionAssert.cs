using System.Text.RegularExpressions;
using Augment.Core.Config;
using Augment.Core.Ops;
using Newtonsoft.Json;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>
/// The definition layer of an op's tests: its config entry binds to canonical arguments, and bad
/// values are rejected at their line and column. Every config is the same six lines, the op on the last.
/// </summary>
internal static class OpDefinitionAssert
{
    public const string FilePath = "augment.yaml";
    public const int OpLine = 6;

    public static string ConfigText(string op, string given) =>
        $"version: 1\nseed: 42\ninputs:\n  images: \"images/*.png\"\npipeline:\n{OpEntry(op, given)}\n";

    public static string OpEntry(string op, string given) => $"  - {op}: {given}";

    /// <summary>
    /// Compared as compact JSON text, not as a JSON tree: the canonical form is what the pipeline hash
    /// and the manifest read, so key order and number types (5 against 5.0) matter. The expected text
    /// is written with ' for " to stay readable in C# strings.
    /// </summary>
    public static void Binds(string op, string given, string expectedCanonical)
    {
        expectedCanonical = expectedCanonical.Replace('\'', '"');
        var config = AugmentConfigLoader.Parse(ConfigText(op, given), FilePath);

        var bound = Assert.Single(config.Pipeline);
        Assert.Equal(op, bound.Descriptor.Name);
        Assert.Equal(expectedCanonical, bound.Arguments.Canonical.ToString(Formatting.None));
        Assert.Equal((double)bound.Arguments.Canonical["p"]!, bound.Probability);
    }

    /// <param name="at">The text the error must point at: it must occur once on the op's line.</param>
    public static ConfigException Rejects(string op, string given, string at, string code)
    {
        var line = OpEntry(op, given);
        var column = line.IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.True(column > 0 && line.LastIndexOf(at, StringComparison.Ordinal) == column - 1, $"'{at}' must occur exactly once in '{line}'");

        var error = Assert.Throws<ConfigException>(() => AugmentConfigLoader.Parse(ConfigText(op, given), FilePath));

        var expected = $"{code} at {FilePath}:{OpLine}:{column}";
        var actual = $"{error.Code} at {error.FilePath}:{error.Mark.Line}:{error.Mark.Column}";
        Assert.True(expected == actual, $"expected {expected}, got {actual}: {error.Problem}");
        return error;
    }

    /// <summary>Whether <paramref name="given"/> writes out every parameter of the op (at its top level or anywhere).</summary>
    public static bool NamesEveryParameter(OpDescriptor op, string given) =>
        op.Parameters.All(p => Names(given, p.Name));

    public static bool Names(string given, string parameter) =>
        Regex.IsMatch(given, $@"(?<![A-Za-z_]){Regex.Escape(parameter)}\s*:");
}
