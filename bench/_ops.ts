import { execFileSync } from "child_process";
import * as path from "path";
import { timeArrayCases } from "./ops";
import { printTable } from "./table";
const numpy = new Map(Object.entries(JSON.parse(execFileSync("python3", [path.join(__dirname, "ops_numpy.py")], { encoding: "utf8" })) as Record<string, number>));
printTable("ops", timeArrayCases(), numpy);
