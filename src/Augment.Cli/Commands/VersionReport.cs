using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Augment.Core.Engine;

namespace Augment.Cli.Commands;

/// <summary>`--version`: the tool's version and the engine it runs, which together decide output bytes.</summary>
internal static class VersionReport
{
    public static void Attach(RootCommand root)
    {
        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintAction();
    }

    public static string ToolVersion =>
        typeof(VersionReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    private sealed class PrintAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var engine = EngineFingerprint.Current;
            Console.Out.WriteLine($"dotnet-augment {ToolVersion}");
            Console.Out.WriteLine($"OpenCV {engine.OpenCvVersion} (build {engine.BuildInformationSha256[..12]}) through OpenCvSharp4 {engine.OpenCvSharpVersion}");
            Console.Out.WriteLine($"runtime {engine.RuntimeVersion}");
            Console.Out.WriteLine($"PNG by {engine.PngCompressor}; engine {engine.EngineAssembly[..12]}; fingerprint {engine.Sha256[..12]}");
            return ExitCodes.Success;
        }
    }
}
