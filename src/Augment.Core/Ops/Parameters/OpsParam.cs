using Augment.Core.Config;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Ops.Parameters;

/// <summary>The child ops of a composition (<c>transforms</c>); bound by <see cref="PipelineBinder"/>.</summary>
public sealed class OpsParam : ParamSpec
{
    public OpsParam(string name, string description) : base(name, description)
    {
    }

    public override JToken? Default => null;

    public override string TypeText => "list of ops";

    public override string RangeText => "at least one op";

    public override JToken Bind(ConfigNode node, ConfigReader reader, string what) =>
        throw new InvalidOperationException("child ops are bound by PipelineBinder");
}
