"""openapi-generator takes the spec as it is: its validator finds nothing, and a Java client with bean
validation compiles with javac."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.portability import tools

JAVA_PACKAGE = "com.turkeysms.client"
JAVA_OPTIONS = ",".join(
    [
        "library=native",  # java.net.http and Jackson: no HTTP library to bring in
        "useBeanValidation=true",
        "useJakartaEe=true",
        "openApiNullable=false",  # jackson-databind-nullable is in no registry we reach
        "hideGenerationTimestamp=true",
        f"invokerPackage={JAVA_PACKAGE}",
        f"apiPackage={JAVA_PACKAGE}.api",
        f"modelPackage={JAVA_PACKAGE}.model",
    ]
)


def test_openapi_generator_validates_the_spec(openapi_generator: Path) -> None:
    done = tools.run([str(openapi_generator), "validate", "-i", str(tools.SPEC)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No validation issues detected." in done.stdout


@pytest.fixture(scope="module")
def java_client(openapi_generator: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("java-client")
    command = [
        str(openapi_generator),
        "generate",
        "-i",
        str(tools.SPEC),
        "-g",
        "java",
        "-o",
        str(out),
        "--additional-properties",
        JAVA_OPTIONS,
        "--global-property",
        "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false",
    ]
    done = tools.run(command)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "src" / "main" / "java"


def test_java_models_are_the_spec_schemas(java_client: Path) -> None:
    """Every object has its own name in the spec, so the generator invents none (no `Datum`, `…2`)."""
    models = {path.stem for path in (java_client / "com/turkeysms/client/model").glob("*.java")}
    schemas = yaml.safe_load(tools.SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    objects = {name for name, schema in schemas.items() if schema.get("type") == "object"}
    assert models - {"AbstractOpenApiSchema"} <= set(schemas)  # the generator's own base class aside
    assert objects <= models


def test_java_client_compiles_with_bean_validation(java_client: Path, tmp_path: Path) -> None:
    if shutil.which("javac") is None:
        pytest.skip("no javac on this machine")
    # Everything it imports is supplied (nothing stubbed): Jackson from the generator's own jar (PyPI),
    # jakarta.validation and jakarta.annotation from Debian's packages.
    classpath = ":".join(str(path) for path in tools.java_classpath())
    sources = sorted(str(path) for path in java_client.rglob("*.java"))
    done = tools.run(["javac", "-nowarn", "-d", str(tmp_path), "-cp", classpath, *sources])
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-6000:]
    pagination = (java_client / "com/turkeysms/client/model/Pagination.java").read_text(encoding="utf-8")
    assert "private Long totalRecords" in pagination and "@Max(9007199254740991L)" in pagination
    text = (java_client / "com/turkeysms/client/model/SendSmsRequest.java").read_text(encoding="utf-8")
    assert '@Pattern(regexp="^\\\\s*\\\\S[\\\\s\\\\S]*$")' in text  # bean validation is on, anchored
