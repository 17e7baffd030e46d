{
  "targets": [
    {
      "target_name": "nnfs_kernels",
      "sources": ["src/array/native/kernels.cc"],
      "cflags_cc": ["-std=c++17", "-O3", "-march=native", "-ffp-contract=off"],
      "cflags_cc!": ["-fno-exceptions"]
    }
  ]
}
