using System.Globalization;
using Augment.Core.Dataset;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Augment.Cli.Commands;

/// <summary>The end-of-build summary, as text and as the --json object of PRODUCT.md section 8.</summary>
internal static class Summary
{
    public static string Text(BuildReport report, double seconds)
    {
        if (report.Shard is { } shard)
        {
            var uploaded = report.CacheUrl is null ? string.Empty
                : Invariant($"; {report.Uploaded} uploaded to {report.CacheUrl}") + (report.Pack is null ? string.Empty : $", key records in pack {report.Pack[..12]}");
            return Invariant($"shard {shard}: {report.Rendered + report.UpToDate + report.Failed} items ({report.Rendered} rendered, {report.UpToDate} already cached), {report.Failed} failed{uploaded} in {seconds:0.00} s -> cache {report.CacheDir}");
        }

        var shared = report.CacheUrl is null ? string.Empty : Invariant($"; shared cache {report.CacheUrl}: {report.Fetched} fetched, {report.Uploaded} uploaded");
        return Invariant($"{report.Built} built ({report.Rendered} rendered, {report.Restored} from cache), {report.UpToDate} up to date, {report.Removed} removed, {report.Failed} failed in {seconds:0.00} s -> {report.OutputDir}{shared}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Json(BuildReport report, double seconds)
    {
        var json = Fields(report, seconds);
        if (report.Shard is { } shard)
        {
            json.AddFirst(new JProperty("shard", shard.ToString()));
            json.Remove("output"); // a shard writes none
            json.Remove("removed");
            json.Remove("restored");
            json["cached"] = report.UpToDate;
            json["pack"] = report.Pack;
        }

        if (report.CacheUrl is not null)
        {
            json["cacheUrl"] = report.CacheUrl;
            json["fetched"] = report.Fetched;
            json["uploaded"] = report.Uploaded;
        }

        json["cache"] = report.CacheDir;
        json["warnings"] = new JArray(report.Warnings);
        return json.ToString(Formatting.None);
    }

    private static JObject Fields(BuildReport report, double seconds) => new()
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
    };

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
