using System.Globalization;
using Augment.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Cli.Commands;

/// <summary>The end-of-build summary, as text and as the --json object of PRODUCT.md section 8.</summary>
internal static class Summary
{
    public static string Text(BuildReport report, double seconds) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Built} built ({report.Rendered} rendered, {report.Restored} from cache), {report.UpToDate} up to date, " +
        $"{report.Removed} removed, {report.Failed} failed in {seconds:0.00} s -> {report.OutputDir}");

    public static string Json(BuildReport report, double seconds) => new JObject
    {
        ["built"] = report.Built,
        ["rendered"] = report.Rendered,
        ["restored"] = report.Restored,
        ["upToDate"] = report.UpToDate,
        ["removed"] = report.Removed,
        ["failed"] = report.Failed,
        ["sourcesHashed"] = report.SourcesHashed,
        ["seconds"] = Math.Round(seconds, 3),
        ["output"] = report.OutputDir,
        ["errors"] = new JArray(report.Errors.Select(ErrorJson)),
    }.ToString(Formatting.None);

    private static JObject ErrorJson(BuildError e)
    {
        var json = new JObject { ["code"] = e.Code, ["file"] = e.File, ["message"] = e.Message };
        if (e.Line > 0)
        {
            json["line"] = e.Line;
        }

        return json;
    }
}
