"""Worked example for the mental-models chapter: an LLM as a lossy compression of text.

The inputs are the rough figures Andrej Karpathy gave for Llama 2 70B in his talk
"Intro to Large Language Models" (November 2023), plus the GPU-hours Meta reported for
the same model (Touvron et al., 2023, arXiv:2307.09288, Table 2) as a cross-check.

Run: python3 scripts/examples/mental_models_compression.py
"""

PARAMETERS = 70e9            # Llama 2 70B
BYTES_PER_PARAMETER = 2      # float16 = 16 bits = 2 bytes
TRAINING_TEXT_BYTES = 10e12  # "about 10 TB of text"
GPUS = 6_000                 # "about 6,000 GPUs"
DAYS = 12                    # "about 12 days"
COST_USD = 2e6               # "about $2M"
REPORTED_GPU_HOURS = 1_720_320  # Llama 2 70B pretraining, A100-80GB GPU-hours


def parameter_file_bytes():
    return PARAMETERS * BYTES_PER_PARAMETER


def parameter_file_gb():
    """Size of the parameter file in gigabytes (10^9 bytes)."""
    return parameter_file_bytes() / 1e9


def compression_ratio():
    """How many bytes of training text each byte of parameters stands for."""
    return TRAINING_TEXT_BYTES / parameter_file_bytes()


def gpu_hours():
    return GPUS * DAYS * 24


def cost_per_gpu_hour():
    return COST_USD / gpu_hours()


def gap_to_reported_percent():
    """Difference between the talk's estimate and Meta's reported GPU-hours, in percent."""
    return (gpu_hours() - REPORTED_GPU_HOURS) / REPORTED_GPU_HOURS * 100


def results():
    """The numbers as they are written in both language pages."""
    return {
        "parameter_file": f"{parameter_file_gb():.0f} GB",
        "compression_ratio": f"{compression_ratio():.1f}",
        "gpu_hours": f"{gpu_hours():,}",
        "reported_gpu_hours": f"{REPORTED_GPU_HOURS:,}",
        "cost_per_gpu_hour": f"{cost_per_gpu_hour():.2f}",
        "gap_percent": f"{gap_to_reported_percent():.1f}",
    }


def main():
    r = results()
    print(f"parameter file: 70e9 x 2 bytes = {r['parameter_file']}")
    print(f"compression ratio: 10 TB / 140 GB = {r['compression_ratio']} (about 70x)")
    print(f"GPU-hours: 6,000 x 12 days x 24 h = {r['gpu_hours']}")
    print(f"Meta's reported GPU-hours for Llama 2 70B: {r['reported_gpu_hours']} "
          f"(the talk's estimate is {r['gap_percent']}% higher)")
    print(f"cost per GPU-hour: $2M / {r['gpu_hours']} = ${r['cost_per_gpu_hour']}")


if __name__ == "__main__":
    main()
