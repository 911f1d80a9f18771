namespace Cairn.TestSupport.Node;

/// <summary>A test that needs node and an npm package: reported as skipped with the reason when they are missing, failing instead under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute(string package)
    {
        Skip = NodeTool.SkipReason(package);
    }
}
