#!/usr/bin/env python3
"""Counts what the served OpenAPI document describes (issue 11's "Done when"): operations, documented
(operation, status) responses, component schemas, and how many operations have a request body schema and a
response schema.

Usage: bench/openapi-counts.py [URL or file]   (default: api/target/openapi.json, written by OpenApiDocumentTest;
       or http://localhost:8080/api/openapi.json from a running server)
"""
import collections
import json
import sys
import urllib.request

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def load(source):
    if source.startswith("http://") or source.startswith("https://"):
        with urllib.request.urlopen(source) as response:
            return json.load(response)
    with open(source, encoding="utf-8") as file:
        return json.load(file)


def main():
    document = load(sys.argv[1] if len(sys.argv) > 1 else "api/target/openapi.json")
    operations = [(path, method, operation) for path, item in document["paths"].items()
                  for method, operation in item.items() if method in METHODS]
    responses = sum(len(operation.get("responses", {})) for _, _, operation in operations)
    with_body = sum(1 for _, _, operation in operations if "requestBody" in operation)
    with_schema = sum(1 for _, _, operation in operations
                      if any("schema" in media for status, response in operation["responses"].items()
                             if status.startswith("2") for media in response.get("content", {}).values()))
    by_tag = collections.Counter(operation["tags"][0] for _, _, operation in operations)
    print(f"operations: {len(operations)}")
    print(f"documented (operation, status) responses: {responses}")
    print(f"component schemas: {len(document.get('components', {}).get('schemas', {}))}")
    print(f"operations with a request body schema: {with_body}")
    print(f"operations with a success response schema: {with_schema}")
    print("operations per tag: " + ", ".join(f"{tag} {count}" for tag, count in sorted(by_tag.items())))


if __name__ == "__main__":
    main()
