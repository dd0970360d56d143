using WhatsAppHub.Benchmarks;
using WhatsAppHub.Benchmarks.Inbound;
using WhatsAppHub.Benchmarks.Storage;
using WhatsAppHub.Benchmarks.Workflows;

// ./bench.sh [send|inbound] [count per phase] [concurrent callers] [open-loop rate per second]
// ./bench.sh workflows [instances] [steps per instance]
// ./bench.sh storage [messages] [batch sizes, comma-separated]
return args.FirstOrDefault() switch
{
    "inbound" => await InboundBenchmark.RunAsync(args[1..]),
    "workflows" => await WorkflowBenchmark.RunAsync(args[1..]),
    "storage" => await StorageFloorBenchmark.RunAsync(args[1..]),
    "send" => await SendBenchmark.RunAsync(args[1..]),
    _ => await SendBenchmark.RunAsync(args),
};
