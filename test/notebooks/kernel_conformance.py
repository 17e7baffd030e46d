"""The Jupyter project's own kernel conformance suite (jupyter_kernel_test) against the
"nnfs-ts" kernel, with TypeScript samples. Run by kernel-conformance.test.ts with Debian's
/usr/bin/python3 and JUPYTER_PATH pointing at the project's .jupyter directory."""
import unittest

import jupyter_kernel_test


class NnfsTsKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "nnfs-ts"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("something went wrong")'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs"}},
        {"text": "const completeMe = 1;\ncompleteM", "matches": {"completeMe"}},
    ]

    complete_code_samples = [
        "1 + 1",
        "const x = [1, 2, 3];",
        "function f(a: number): number {\n  return a * 2;\n}",
        "for (let i = 0; i < 3; i++) console.log(i)",
    ]
    incomplete_code_samples = [
        "function f(a: number): number {",
        "const xs = [1,",
        "if (true) {\n  console.log(1);",
        "console.log(",
    ]
    invalid_code_samples = [
        "const = 5;",
        "1 +* 2",
        "}",
        "let x = 1 2;",
    ]

    code_generate_error = 'throw new Error("boom")'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "[1, 2, 3].map((x) => x * 2)", "result": "[ 2, 4, 6 ]"},
        {"code": "const s = 'nn' + 'fs'; s", "result": "'nnfs'"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>")', "mime": "text/html"},
        {"code": 'import * as tslab from "tslab";\ntslab.display.markdown("**hi**")', "mime": "text/markdown"},
    ]

    code_inspect_sample = "Math.max"

    # Beyond the suite: what the project's kernel adds to tslab.

    def test_error_traceback_points_at_cell_lines(self):
        self.flush_channels()
        self.execute_helper('function explode(): number {\n  // a comment\n\n  throw new RangeError("boom");\n}')
        reply, outputs = self.execute_helper("const x = 1;\n\nexplode();")
        self.assertEqual(reply["content"]["status"], "error")
        [error] = outputs
        self.assertEqual(error["msg_type"], "error")
        self.assertEqual((error["content"]["ename"], error["content"]["evalue"]), ("RangeError", "boom"))
        count = reply["content"]["execution_count"]
        self.assertEqual(error["content"]["traceback"], [
            "RangeError: boom",
            f"    at explode (Cell In[{count - 1}], line 4)",
            '        throw new RangeError("boom");',
            f"    at Cell In[{count}], line 3",
            "        explode();",
        ])

    def test_compile_error_is_an_error_message(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('const n: number = "one";')
        self.assertEqual(reply["content"]["status"], "error")
        [error] = outputs
        self.assertEqual(error["content"]["ename"], "TSError")
        self.assertEqual(error["content"]["evalue"], "Type 'string' is not assignable to type 'number'.")
        count = reply["content"]["execution_count"]
        self.assertEqual(error["content"]["traceback"][1:], [
            f"    at Cell In[{count}], line 1, column 7",
            '        const n: number = "one";',
            "              ^",
        ])

    def test_execute_result_is_out_n(self):
        self.flush_channels()
        reply, outputs = self.execute_helper("console.log('printed');\n6*7")
        self.assertEqual([m["msg_type"] for m in outputs], ["stream", "execute_result"])
        self.assertEqual(outputs[0]["content"]["text"], "printed\n")
        result = outputs[1]["content"]
        self.assertEqual(result["data"], {"text/plain": "42"})
        self.assertEqual(result["execution_count"], reply["content"]["execution_count"])

    def queue(self, *requests):
        """Sends execute requests at once; returns their replies' statuses."""
        self.flush_channels()
        ids = [self.kc.execute(code, stop_on_error=stop) for code, stop in requests]
        replies = {}
        while len(replies) < len(ids):
            reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        return [replies[i] for i in ids]

    def test_stop_on_error_aborts_the_queue(self):
        self.assertEqual(self.queue(('throw new Error("x")', True), ("1", True), ("2", False)), ["error", "abort", "abort"])

    def test_no_abort_without_stop_on_error(self):
        self.assertEqual(self.queue(('throw new Error("x")', False), ("1", True)), ["error", "ok"])

    def test_request_sent_after_the_error_runs(self):
        self.assertEqual(self.queue(('throw new Error("x")', True)), ["error"])
        self.assertEqual(self.queue(("1", True)), ["ok"])


if __name__ == "__main__":
    unittest.main()
