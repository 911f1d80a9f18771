using Cairn.Storage;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Cairn.TestSupport.Database;

/// <summary>Turns one <see cref="DatabaseTheoryAttribute"/> method into a test case per <see cref="SqlDialect"/>.</summary>
public sealed class DatabaseTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            var skip = TestDatabase.SkipReason(dialect);
            yield return skip is null
                ? new XunitTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, [dialect])
                : new XunitSkippedDataRowTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, skip, [dialect]);
        }
    }
}
