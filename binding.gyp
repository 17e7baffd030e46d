{
  "targets": [
    {
      "target_name": "nnfs_kernels",
      "sources": [
        "src/np/native/kernels.cc",
        "src/np/native/elementwise.cc",
        "src/np/native/exp.cc",
        "src/np/native/linalg.cc",
        "src/np/native/reductions.cc",
        "src/np/native/random.cc",
        "src/np/native/copies.cc",
        "src/np/native/parallel.cc",
        "src/network/native/adam.cc"
      ],
      "cflags_cc": ["-O3", "-march=native", "-ffp-contract=off", "-fno-trapping-math", "-fno-math-errno"]
    }
  ]
}
