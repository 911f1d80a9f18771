Console.WriteLine("usage: cairn-bench <suite> (see docs/benchmarks.md)");
return 1;
