#!/usr/bin/env python3
"""Writes Content/devops/: a roadmap.sh-style folder (devops.md, devops.json, content/<topic>@<id>.md)
with 25 topics and 177 subtopics, laid out as roadmap.sh draws one: topics down a spine, their
subtopics in columns left and right, dashed lines to most of them (a few are left unjoined, so
that they belong to the nearest topic), a title, a paragraph, a frame and a button.

Run from this folder: python3 generate.py (it replaces Content/). The output is committed; the
tests read it, not this script."""
import hashlib, json, os, re, shutil

# Each topic: its summary, its documentation home, and its subtopics as (name, what it is).
TOPICS = [
    ("Learn a Language", "A DevOps engineer automates with code, so one general-purpose language comes first.", "https://www.python.org/doc/", [
        ("Python", "is the most common language for automation scripts, tooling and glue code"),
        ("Go", "compiles to a single static binary and is the language of Docker, Kubernetes and Terraform"),
        ("Ruby", "powers Chef and many older deployment tools such as Capistrano"),
        ("Rust", "gives memory safety without a garbage collector and is used for fast command line tools"),
        ("JavaScript / Node.js", "runs build tooling and serverless functions on every cloud"),
        ("Bash Scripting", "ties commands together on every Linux server without installing anything"),
        ("PowerShell", "automates Windows servers and Azure with objects instead of text"),
    ]),
    ("Operating Systems", "Servers run an operating system you must install, tune and troubleshoot.", "https://www.kernel.org/doc/html/latest/", [
        ("Ubuntu / Debian", "is the most common Linux family on cloud servers, packaged with apt"),
        ("RHEL / Rocky Linux", "is the enterprise Linux family, packaged with dnf and supported for ten years"),
        ("Alpine Linux", "is a tiny distribution built on musl and BusyBox, popular as a container base"),
        ("FreeBSD", "is a Unix with jails, ZFS and a network stack used by large content delivery networks"),
        ("Windows Server", "runs Active Directory, IIS and .NET workloads in many companies"),
        ("Package Managers", "install, upgrade and remove software with its dependencies"),
        ("Filesystems", "decide how data is laid out on disk: ext4, XFS, Btrfs and ZFS"),
    ]),
    ("Terminal Knowledge", "Most of the work happens in a shell on a remote machine.", "https://www.gnu.org/software/bash/manual/", [
        ("Process Monitoring", "shows what runs and what it costs, with ps, top, htop and pidstat"),
        ("Performance Monitoring", "finds the bottleneck among CPU, memory, disk and network with vmstat and iostat"),
        ("Networking Tools", "such as dig, curl, ss, tcpdump and mtr explain why two machines cannot talk"),
        ("Text Manipulation", "with grep, sed, awk, cut and sort turns logs into answers"),
        ("Vim", "is the editor found on every server, worth knowing well enough to edit a config file"),
        ("tmux", "keeps sessions alive across dropped connections and splits one terminal into many"),
        ("SSH", "logs in to remote machines and tunnels ports over an encrypted channel"),
        ("File Permissions", "control who may read, write and run a file with owners, groups and modes"),
    ]),
    ("Version Control Systems", "Every change to code and configuration is tracked and reviewed.", "https://git-scm.com/doc", [
        ("Git", "is the distributed version control system nearly every team uses"),
        ("Branching Strategies", "such as trunk-based development and GitFlow decide how work reaches main"),
        ("Git Hooks", "run scripts before a commit or push to check formatting and secrets"),
        ("Monorepos", "keep many projects in one repository with shared tooling and atomic changes"),
        ("Semantic Versioning", "says in a version number whether a release breaks its users"),
        ("Conventional Commits", "give commit messages a structure that tools can turn into changelogs"),
        ("Git LFS", "stores large binary files outside the repository while keeping them versioned"),
    ]),
    ("VCS Hosting", "A hosted service adds reviews, issues and automation around the repository.", "https://docs.github.com/", [
        ("GitHub", "hosts most open source code and runs workflows with GitHub Actions"),
        ("GitLab", "combines hosting, CI/CD, a container registry and security scanning in one product"),
        ("Bitbucket", "integrates with Jira and Confluence for teams on the Atlassian stack"),
        ("Gitea", "is a lightweight self-hosted Git service written in Go"),
        ("Pull Requests", "propose a change, run checks on it and collect review before it is merged"),
        ("Code Owners", "name the people who must review changes to each part of a repository"),
        ("Branch Protection", "requires reviews and passing checks before anything reaches main"),
    ]),
    ("Networking Fundamentals", "Services talk over networks whose layers you must be able to reason about.", "https://developer.mozilla.org/en-US/docs/Web/HTTP", [
        ("OSI Model", "describes networking in seven layers, from cables to applications"),
        ("TCP and UDP", "are the transport protocols: reliable streams or fast datagrams"),
        ("IP Addressing and Subnets", "split address space into networks with CIDR notation"),
        ("DNS", "turns names into addresses through a hierarchy of resolvers and authoritative servers"),
        ("HTTP and HTTPS", "carry the web, with TLS adding encryption and server identity"),
        ("Firewalls", "allow or block traffic by address, port and protocol"),
        ("VPN", "joins networks over the internet through an encrypted tunnel"),
        ("Load Balancing", "spreads requests across servers at layer 4 or layer 7"),
    ]),
    ("Web Servers", "A web server terminates connections and serves or forwards requests.", "https://nginx.org/en/docs/", [
        ("Nginx", "is an event-driven web server and reverse proxy that handles many connections cheaply"),
        ("Apache HTTP Server", "is the long-standing web server with modules for almost everything"),
        ("Caddy", "obtains and renews TLS certificates on its own and is configured in a few lines"),
        ("HAProxy", "is a fast TCP and HTTP load balancer with detailed health checks"),
        ("Envoy", "is the proxy behind most service meshes, configured through an API"),
        ("Traefik", "discovers services from Docker and Kubernetes and routes to them automatically"),
        ("IIS", "serves ASP.NET applications on Windows Server"),
    ]),
    ("Networking Concepts", "Beyond the protocols, a few patterns recur in every production setup.", "https://www.cloudflare.com/learning/", [
        ("Reverse Proxy", "sits in front of servers to route, cache and terminate TLS for them"),
        ("Forward Proxy", "sends clients' requests out to the internet on their behalf"),
        ("Caching Server", "keeps copies of responses close to users so that origins do less work"),
        ("CDN", "serves content from locations near the user around the world"),
        ("TLS Certificates", "prove a server's identity; Let's Encrypt issues them for free"),
        ("Service Discovery", "lets services find each other's current addresses as they move"),
        ("Rate Limiting", "protects a service by refusing clients that send too many requests"),
    ]),
    ("Containers", "Containers package an application with its dependencies so it runs the same everywhere.", "https://docs.docker.com/", [
        ("Docker", "builds, ships and runs containers from a Dockerfile"),
        ("Podman", "runs containers without a daemon and without root"),
        ("containerd", "is the container runtime underneath Docker and most Kubernetes clusters"),
        ("Dockerfile Best Practices", "keep images small, cacheable and free of secrets"),
        ("Multi-stage Builds", "compile in one image and ship only the result in another"),
        ("Container Registries", "store and distribute images, from Docker Hub to private registries"),
        ("Docker Compose", "describes a multi-container application in one YAML file for local work"),
        ("Image Scanning", "finds known vulnerabilities in the packages of an image"),
    ]),
    ("Cloud Providers", "Most infrastructure is rented from a cloud provider through an API.", "https://docs.aws.amazon.com/", [
        ("AWS", "is the largest cloud provider, with services from EC2 and S3 to Lambda"),
        ("Azure", "is Microsoft's cloud, strong where companies already run Windows and Active Directory"),
        ("Google Cloud", "offers GKE, BigQuery and a global network"),
        ("DigitalOcean", "offers simple virtual machines and managed databases at predictable prices"),
        ("Hetzner", "rents inexpensive dedicated and cloud servers in Europe"),
        ("Cloud IAM", "decides who may do what to which resource in a cloud account"),
        ("Cloud Cost Management", "keeps bills in check with budgets, tags and rightsizing"),
        ("Multi-cloud", "spreads workloads over providers, at the price of more complexity"),
    ]),
    ("Serverless", "Serverless platforms run code on demand and bill by the request.", "https://docs.aws.amazon.com/lambda/", [
        ("AWS Lambda", "runs functions in response to events without servers to manage"),
        ("Azure Functions", "runs event-driven code on Azure with bindings to its services"),
        ("Google Cloud Run", "runs containers that scale to zero when no requests arrive"),
        ("Cloudflare Workers", "run JavaScript at the edge, close to every user"),
        ("Vercel", "deploys front-end applications and their functions from a Git push"),
        ("Netlify", "builds and hosts static sites with functions and forms"),
    ]),
    ("Infrastructure as Code", "Infrastructure is described in files, reviewed and applied like code.", "https://developer.hashicorp.com/terraform/docs", [
        ("Terraform", "declares infrastructure in HCL and applies the difference to any provider"),
        ("OpenTofu", "is the open source fork of Terraform run by the Linux Foundation"),
        ("Pulumi", "describes infrastructure in general-purpose languages such as TypeScript and Go"),
        ("AWS CloudFormation", "provisions AWS resources from JSON or YAML templates"),
        ("AWS CDK", "generates CloudFormation from code with reusable constructs"),
        ("Terraform State", "records what exists so that the next plan knows what to change"),
        ("Terraform Modules", "package infrastructure into reusable, versioned building blocks"),
        ("Policy as Code", "checks plans against rules with tools such as OPA and Sentinel"),
    ]),
    ("Configuration Management", "Configuration management keeps many servers in the state you described.", "https://docs.ansible.com/", [
        ("Ansible", "configures machines over SSH from YAML playbooks, with no agent to install"),
        ("Chef", "describes configuration as Ruby recipes applied by an agent"),
        ("Puppet", "enforces a declared state on servers with a catalog compiled by a server"),
        ("SaltStack", "pushes configuration and runs commands on many machines at once over a message bus"),
        ("Ansible Roles", "bundle tasks, templates and defaults into reusable units"),
        ("Idempotency", "means running the same configuration twice changes nothing the second time"),
        ("Cloud-init", "configures a virtual machine on its first boot"),
    ]),
    ("CI/CD Tools", "Continuous integration and delivery build, test and ship every change.", "https://docs.github.com/en/actions", [
        ("GitHub Actions", "runs workflows from YAML files in the repository on GitHub's runners or your own"),
        ("GitLab CI", "runs pipelines defined in .gitlab-ci.yml with stages and jobs"),
        ("Jenkins", "is the extensible self-hosted automation server with thousands of plugins"),
        ("CircleCI", "is a hosted CI service with caching, parallelism and orbs"),
        ("Tekton", "defines pipelines as Kubernetes resources"),
        ("Pipeline Caching", "reuses dependencies between runs so that builds stay fast"),
        ("Artifact Repositories", "such as Nexus and Artifactory store build outputs and proxy package registries"),
        ("Deployment Strategies", "such as blue-green, canary and rolling releases limit the damage of a bad deploy"),
    ]),
    ("Secret Management", "Passwords, keys and tokens must never sit in code or logs.", "https://developer.hashicorp.com/vault/docs", [
        ("HashiCorp Vault", "stores secrets, issues short-lived credentials and encrypts data as a service"),
        ("AWS Secrets Manager", "stores and rotates secrets for AWS services"),
        ("SOPS", "encrypts values inside YAML and JSON files so that they can be committed"),
        ("Sealed Secrets", "lets you commit encrypted Kubernetes secrets that only the cluster can decrypt"),
        ("External Secrets Operator", "syncs secrets from a vault into Kubernetes"),
        ("Secret Scanning", "finds keys committed by mistake before attackers do"),
    ]),
    ("Monitoring", "Monitoring tells you that something is wrong, ideally before users do.", "https://prometheus.io/docs/", [
        ("Prometheus", "scrapes metrics over HTTP and stores them as time series"),
        ("Grafana", "draws dashboards over Prometheus, Loki and many other data sources"),
        ("Alertmanager", "groups, silences and routes Prometheus alerts to people"),
        ("Zabbix", "monitors servers and network devices with agents and SNMP"),
        ("Datadog", "is a hosted platform for metrics, logs and traces"),
        ("Uptime Checks", "probe a service from outside to confirm that users can reach it"),
        ("Node Exporter", "exposes a Linux machine's metrics for Prometheus"),
        ("SLIs and SLOs", "state in numbers how reliable a service must be"),
    ]),
    ("Logs Management", "Logs from every service are collected, searched and kept for as long as needed.", "https://www.elastic.co/guide/", [
        ("Elastic Stack", "collects logs with Beats or Logstash, stores them in Elasticsearch and searches them in Kibana"),
        ("Grafana Loki", "indexes only labels, which keeps storing logs cheap"),
        ("Fluent Bit", "is a small, fast log forwarder for servers and Kubernetes"),
        ("Graylog", "centralises logs with streams, alerts and a web interface"),
        ("Structured Logging", "writes logs as JSON so that they can be filtered by field"),
        ("Log Retention", "decides how long logs are kept, for cost and for compliance"),
    ]),
    ("Observability", "Observability lets you ask new questions of a running system.", "https://opentelemetry.io/docs/", [
        ("OpenTelemetry", "is the vendor-neutral standard for traces, metrics and logs"),
        ("Jaeger", "stores and shows distributed traces across services"),
        ("Distributed Tracing", "follows one request through every service it touches"),
        ("Grafana Tempo", "stores traces cheaply in object storage"),
        ("eBPF", "runs safe programs in the Linux kernel to observe systems without changing them"),
        ("Profiling", "shows where a program spends its CPU time and memory in production"),
    ]),
    ("Container Orchestration", "An orchestrator schedules containers over a cluster and keeps them running.", "https://kubernetes.io/docs/", [
        ("Kubernetes", "schedules containers across a cluster and keeps the declared state"),
        ("Pods and Deployments", "are how Kubernetes runs and updates replicas of an application"),
        ("Services and Ingress", "expose applications inside and outside the cluster"),
        ("Helm", "packages Kubernetes manifests as versioned, configurable charts"),
        ("Kustomize", "customises manifests with overlays and no templates"),
        ("Amazon EKS", "is AWS's managed Kubernetes control plane"),
        ("k3s", "is a light Kubernetes distribution for the edge and small clusters"),
        ("Docker Swarm", "is Docker's built-in, simpler orchestrator"),
    ]),
    ("GitOps", "With GitOps, the repository is the source of truth and the cluster follows it.", "https://argo-cd.readthedocs.io/", [
        ("Argo CD", "syncs Kubernetes clusters with manifests in Git and shows the difference"),
        ("Flux", "reconciles clusters with Git repositories and Helm charts"),
        ("Argo Rollouts", "adds canary and blue-green deployments to Kubernetes"),
        ("Environment Promotion", "moves a release from staging to production by a change in Git"),
        ("Drift Detection", "notices when a cluster no longer matches what Git describes"),
    ]),
    ("Service Mesh", "A service mesh moves retries, encryption and telemetry out of application code.", "https://istio.io/latest/docs/", [
        ("Istio", "is the feature-rich service mesh built on Envoy"),
        ("Linkerd", "is a simpler, lightweight service mesh with its own Rust proxy"),
        ("Consul", "provides service discovery, configuration and a service mesh"),
        ("Mutual TLS", "encrypts traffic between services and proves each side's identity"),
        ("Traffic Splitting", "sends a share of requests to a new version to test it safely"),
        ("Circuit Breaking", "stops calling a failing service so that it can recover"),
    ]),
    ("Cloud Design Patterns", "Patterns for systems that stay up when parts of them fail.", "https://learn.microsoft.com/en-us/azure/architecture/patterns/", [
        ("High Availability", "keeps a service running through the failure of a machine or a zone"),
        ("Disaster Recovery", "restores service after losing a region, within agreed time and data loss"),
        ("Autoscaling", "adds and removes capacity as the load changes"),
        ("Backups", "must be automated, encrypted, kept offsite and tested by restoring them"),
        ("Chaos Engineering", "breaks things on purpose to find weaknesses before an outage does"),
        ("Immutable Infrastructure", "replaces servers instead of changing them in place"),
        ("Queues and Event Streaming", "decouple producers from consumers with tools such as RabbitMQ and Kafka"),
    ]),
    ("Databases for DevOps", "Databases hold the state that matters most and forgive the fewest mistakes.", "https://www.postgresql.org/docs/", [
        ("PostgreSQL", "is the advanced open source relational database most teams start with"),
        ("MySQL", "is the widely deployed relational database behind many web applications"),
        ("Redis", "is an in-memory data store used for caches, queues and sessions"),
        ("MongoDB", "stores JSON-like documents with flexible schemas"),
        ("Database Migrations", "change a schema step by step with tools such as Flyway and Liquibase"),
        ("Replication", "copies data to other servers for reads and for failover"),
        ("Connection Pooling", "shares a few database connections among many clients with PgBouncer"),
    ]),
    ("Security", "Security is part of every stage, from the code to the running cluster.", "https://owasp.org/www-project-top-ten/", [
        ("OWASP Top 10", "lists the most critical web application security risks"),
        ("Least Privilege", "grants each person and service only the access it needs"),
        ("Vulnerability Scanning", "checks hosts and images against databases of known weaknesses"),
        ("Supply Chain Security", "protects dependencies and builds with signing and provenance, as SLSA describes"),
        ("SBOM", "lists every component in a piece of software so that vulnerabilities can be traced"),
        ("Kubernetes Security", "covers RBAC, network policies and pod security standards"),
        ("Hardening", "removes what a server does not need, following benchmarks such as CIS"),
        ("Incident Response", "is the practised plan for detecting, containing and learning from a breach"),
    ]),
    ("Site Reliability Engineering", "SRE treats operations as a software problem, with reliability as a feature.", "https://sre.google/books/", [
        ("Error Budgets", "turn an SLO into room for change: spend it on releases, save it when it runs low"),
        ("On-call", "shares the duty of answering alerts, with runbooks and fair rotations"),
        ("Postmortems", "study incidents without blame so that the same failure does not happen twice"),
        ("Toil Reduction", "automates repetitive manual work that grows with the service"),
        ("Capacity Planning", "forecasts the resources a service will need before it needs them"),
        ("Runbooks", "write down the steps to diagnose and fix known problems"),
        ("Release Engineering", "makes builds and releases reproducible and boring"),
    ]),
]

ARTICLE_SITES = ["https://www.digitalocean.com/community/tutorials/", "https://www.redhat.com/en/topics/devops/",
                 "https://www.atlassian.com/devops/", "https://www.freecodecamp.org/news/"]
KINDS = ["official", "article", "video", "course", "opensource"]


def slug(text):
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def node_id(name):
    return hashlib.sha1(name.encode()).hexdigest()[:12]


def resources(name, docs, index):
    """Two or three resources of different kinds, as roadmap.sh writes them."""
    out = [f"- [@official@{name} Documentation]({docs}#{slug(name)})" if index % 3 == 0 else
           f"- [@article@Getting Started with {name}]({ARTICLE_SITES[index % 4]}{slug(name)})"]
    kind = KINDS[2 + index % 3]
    if kind == "video":
        out.append(f"- [@video@{name} Explained](https://www.youtube.com/watch?v={node_id(name)[:11]})")
    elif kind == "course":
        out.append(f"- [@course@{name} for Beginners](https://www.coursera.org/learn/{slug(name)})")
    else:
        out.append(f"- [@opensource@{name} on GitHub](https://github.com/topics/{slug(name)})")
    if index % 4 == 1:
        out.append(f"- [@article@Common {name} mistakes and how to avoid them]({ARTICLE_SITES[(index + 1) % 4]}{slug(name)}-mistakes)")
    return out


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "Content", "devops")
    shutil.rmtree(os.path.join(here, "Content"), ignore_errors=True)
    write(os.path.join(root, "devops.md"), "---\ntitle: 'DevOps Engineer'\n"
          "description: 'Step by step guide for DevOps, SRE or any other operations role'\n"
          "briefTitle: 'DevOps'\norder: 4\nrenderer: 'editor'\ndimensions:\n  width: 1100\n  height: 5400\n"
          "seo:\n  title: 'DevOps Roadmap: Learn to become a DevOps Engineer or SRE'\n---\n")
    nodes = [
        {"id": "title", "type": "title", "position": {"x": 360, "y": -160}, "width": 380, "height": 68,
         "data": {"label": "DevOps Engineer", "style": {"fontSize": 28}}},
        {"id": "intro", "type": "paragraph", "position": {"x": 760, "y": -170}, "width": 300, "height": 110,
         "data": {"label": "Topics run down the middle; their subtopics sit beside them. Start at the top.",
                  "style": {"fontSize": 15}}},
    ]
    edges = []
    y = 0
    previous = None
    index = 0
    for number, (topic, summary, docs, subtopics) in enumerate(TOPICS):
        topic_id = node_id(topic)
        left, right = subtopics[: (len(subtopics) + 1) // 2], subtopics[(len(subtopics) + 1) // 2:]
        rows = max(len(left), len(right))
        block = rows * 52
        topic_y = y + block / 2 - 25
        nodes.append({"id": topic_id, "type": "topic", "position": {"x": 440, "y": topic_y}, "width": 220, "height": 49,
                      "data": {"label": topic, "style": {"fontSize": 17}}})
        write(os.path.join(root, "content", f"{slug(topic)}@{topic_id}.md"),
              f"# {topic}\n\n{summary} The subtopics below are what to learn about {topic.lower()}, in the order most people meet them.\n\n"
              "Visit the following resources to learn more:\n\n" + "\n".join(resources(topic, docs, number)) + "\n")
        if previous:
            edges.append({"id": f"e{len(edges)}", "source": previous, "target": topic_id, "type": "simple",
                          "style": {"strokeWidth": 3.5, "stroke": "#2b78e4"}})
        previous = topic_id
        for side, column in ((0, left), (1, right)):
            for row, (name, what) in enumerate(column):
                sub_id = node_id(topic + "/" + name)
                x = 80 if side == 0 else 760
                nodes.append({"id": sub_id, "type": "subtopic", "position": {"x": x, "y": y + row * 52},
                              "measured": {"width": 260, "height": 46}, "data": {"label": name}})
                # Every seventh subtopic has no line: it belongs to the topic nearest to it.
                if index % 7 != 3:
                    edges.append({"id": f"e{len(edges)}", "source": topic_id, "target": sub_id, "type": "simple",
                                  "style": {"strokeDasharray": "0.8 8", "strokeLinecap": "round", "strokeWidth": 3.5},
                                  "data": {"edgeStyle": "dashed"}})
                body = (f"# {name}\n\n{name} {what}. In a DevOps role it comes up as part of {topic.lower()}: "
                        f"learn what it is for, set it up once yourself, and read how others run it in production.\n\n"
                        "Visit the following resources to learn more:\n\n" + "\n".join(resources(name, docs, index)) + "\n")
                write(os.path.join(root, "content", f"{slug(name)}@{sub_id}.md"), body)
                index += 1
        if number == 8:
            nodes.append({"id": "containers-frame", "type": "section", "position": {"x": 60, "y": y - 14},
                          "width": 980, "height": block + 20, "data": {"label": ""}})
        y += block + 60
    nodes.append({"id": "next", "type": "button", "position": {"x": 440, "y": y}, "width": 220, "height": 49,
                  "data": {"label": "Continue with Kubernetes", "href": "https://roadmap.sh/kubernetes"}})
    nodes.append({"id": "spine", "type": "vertical", "position": {"x": 540, "y": -80}, "width": 20, "height": 60,
                  "data": {"label": "vertical node"}})
    with open(os.path.join(root, "devops.json"), "w") as f:
        json.dump({"nodes": nodes, "edges": edges}, f, indent=1)
        f.write("\n")
    print(f"{len(TOPICS)} topics, {index} subtopics")


if __name__ == "__main__":
    main()
