{
  "targets": [
    {
      "target_name": "nnfs_kernels",
      "sources": [
        "src/array/native/kernels.cc",
        "src/array/native/elementwise.cc",
        "src/array/native/exp.cc",
        "src/array/native/linalg.cc",
        "src/array/native/reductions.cc",
        "src/array/native/random.cc",
        "src/array/native/copies.cc"
      ],
      "cflags_cc": ["-O3", "-march=native", "-ffp-contract=off", "-fno-trapping-math"]
    }
  ]
}
