"""What a user would write by hand: validate every metadata.yaml/.yml under a folder with
jsonschema + PyYAML. Prints one JSON object: {"files": N, "flagged": [paths with an error]}."""
import json
import os
import sys

import jsonschema
import yaml


def main(schema_path, root):
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft7Validator(json.load(f))
    files = 0
    flagged = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if name not in ("metadata.yaml", "metadata.yml"):
                continue
            path = os.path.join(folder, name)
            files += 1
            try:
                with open(path, encoding="utf-8") as f:
                    data = yaml.safe_load(f)
                errors = list(validator.iter_errors(data))
            except yaml.YAMLError as error:
                errors = [error]
            if errors:
                flagged.append(os.path.relpath(path, root))
    json.dump({"files": files, "flagged": flagged}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
