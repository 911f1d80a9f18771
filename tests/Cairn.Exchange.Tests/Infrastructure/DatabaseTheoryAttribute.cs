using Xunit.Sdk;

namespace Cairn.Exchange.Tests.Infrastructure;

/// <summary>
/// (Copy of tests/Cairn.Storage.Tests/Infrastructure: xunit binds a discoverer to its assembly by name.)
/// Runs the test method once per database: it takes one <see cref="SqlDialect"/> parameter
/// and opens its database with <see cref="TestDatabase.CreateAsync"/>. The PostgreSQL case
/// is reported as skipped when CAIRN_TEST_POSTGRES is not set, except under CI=true, where
/// it runs and fails (see docs/testing.md).
/// </summary>
[XunitTestCaseDiscoverer("Cairn.Exchange.Tests.Infrastructure.DatabaseTheoryDiscoverer", "Cairn.Exchange.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : FactAttribute;
