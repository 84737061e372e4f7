{{- define "tmc-operator.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "tmc-operator.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "tmc-operator.selector" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tmc-operator.serviceAccount" -}}
{{- if .Values.security.rbac.enabled -}}{{ include "tmc-operator.fullname" . }}{{- else -}}default{{- end -}}
{{- end -}}

{{- define "tmc-operator.scheme" -}}
{{- if .Values.security.tls.enabled -}}https{{- else -}}http{{- end -}}
{{- end -}}

{{- /* Where traces go: tracing.otlpEndpoint, else the OTLP/HTTP port of tracing.jaegerEndpoint's host. */ -}}
{{- define "tmc-operator.otlpEndpoint" -}}
{{- $tracing := .Values.tracing -}}
{{- if $tracing.otlpEndpoint -}}
{{- $tracing.otlpEndpoint -}}
{{- else if $tracing.jaegerEndpoint -}}
{{- $jaeger := urlParse $tracing.jaegerEndpoint -}}
{{- printf "%s://%s:4318" $jaeger.scheme (regexReplaceAll ":[0-9]+$" $jaeger.host "") -}}
{{- end -}}
{{- end -}}
