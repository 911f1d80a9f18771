using Cairn.Storage;
using Xunit.Sdk;

namespace Cairn.TestSupport.Database;

/// <summary>
/// Runs the test method once per database: it takes one <see cref="SqlDialect"/> parameter
/// and opens its database with <see cref="TestDatabase.CreateAsync"/>. The PostgreSQL case
/// is reported as skipped when CAIRN_TEST_POSTGRES is not set, except under CI=true, where
/// it runs and fails (see docs/testing.md).
/// </summary>
[XunitTestCaseDiscoverer("Cairn.TestSupport.Database.DatabaseTheoryDiscoverer", "Cairn.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : FactAttribute;
