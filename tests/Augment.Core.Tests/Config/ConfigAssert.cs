using Augment.Core.Config;

namespace Augment.Core.Tests.Config;

/// <summary>Checks that a config is rejected, with which code, and where.</summary>
internal static class ConfigAssert
{
    public static ConfigException Fails(string path, string text) =>
        Assert.Throws<ConfigException>(() => AugmentConfigLoader.Parse(text, path));

    /// <summary>
    /// The error's code, file, line and column (1-based), and a message that starts "file:line:column: "
    /// followed by the problem.
    /// </summary>
    public static ConfigException FailsAt(string path, string text, string code, int line, int column)
    {
        var error = Fails(path, text);
        var expected = $"{code} at {path}:{line}:{column}";
        var actual = $"{error.Code} at {error.FilePath}:{error.Mark.Line}:{error.Mark.Column}";
        Assert.True(expected == actual, $"expected {expected}, got {actual}: {error.Problem}");
        Assert.Equal($"{path}:{line}:{column}: {error.Problem}", error.Message);
        return error;
    }
}
